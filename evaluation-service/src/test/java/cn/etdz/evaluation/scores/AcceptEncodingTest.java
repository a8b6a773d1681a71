package cn.etdz.evaluation.scores;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptEncodingTest {

    @Test
    void gzipIsSentOnlyToClientsThatAcceptIt() {
        assertThat(ScoreResource.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(ScoreResource.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(ScoreResource.acceptsGzip("*")).isTrue();
        assertThat(ScoreResource.acceptsGzip(null)).isFalse();
        assertThat(ScoreResource.acceptsGzip("identity")).isFalse();
        assertThat(ScoreResource.acceptsGzip("deflate, br")).isFalse();
        assertThat(ScoreResource.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(ScoreResource.acceptsGzip("br, gzip; q=0.0")).isFalse();
    }
}
