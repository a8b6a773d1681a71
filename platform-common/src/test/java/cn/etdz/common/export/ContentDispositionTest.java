package cn.etdz.common.export;

import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionTest {

    @Test
    void aChineseFileNameTravelsInFilenameStarWithAnAsciiStandIn() {
        String header = ContentDisposition.attachment("指标值-2015.csv");
        assertThat(header).isEqualTo("attachment; filename=\"___-2015.csv\"; "
                + "filename*=UTF-8''%E6%8C%87%E6%A0%87%E5%80%BC-2015.csv");
        String encoded = header.substring(header.indexOf("UTF-8''") + 7);
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("指标值-2015.csv");
    }

    @Test
    void quotesSpacesAndSeparatorsCannotBreakTheHeader() {
        assertThat(ContentDisposition.attachment("a \"b\";c.csv"))
                .isEqualTo("attachment; filename=\"a _b_;c.csv\"; filename*=UTF-8''a%20%22b%22%3Bc.csv");
    }
}
