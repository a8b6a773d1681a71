package cn.etdz.gateway.request;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogTest {

    @Test
    void aLineHasTheFieldsAnOperatorSearchesBy() {
        assertThat(AccessLog.line("GET", "/api/v1/zones", "indicator", 200, 12, "demo-submitter-320000", "req-1"))
                .isEqualTo("GET /api/v1/zones route=indicator status=200 latency=12ms "
                        + "subject=demo-submitter-320000 requestId=req-1");
    }

    @Test
    void anAnonymousCallHasADashForItsSubject() {
        assertThat(AccessLog.line("POST", "/api/v1/submissions", "indicator", 401, 0, null, "req-2"))
                .isEqualTo("POST /api/v1/submissions route=indicator status=401 latency=0ms subject=- requestId=req-2");
    }
}
