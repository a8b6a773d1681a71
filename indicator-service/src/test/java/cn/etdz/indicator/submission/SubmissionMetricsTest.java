package cn.etdz.indicator.submission;

import cn.etdz.localstack.PlatformTestResource;
import cn.etdz.localstack.PrometheusText;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.submission;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The submission counters an operator reads on /q/metrics move with what was stored and rejected, nothing else. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class SubmissionMetricsTest {

    /** Metrics are served on the management port only. */
    @TestHTTPResource(value = "/metrics", management = true) // under quarkus.management.root-path, /q
    java.net.URL metricsUrl;

    private double counter(String name, String mode) {
        return PrometheusText.sample(given().get(metricsUrl).asString(), name, "mode", mode).orElse(0);
    }

    @Test
    void acceptedAndRejectedSubmissionsAreCountedByModeButDryRunsAndReplaysAreNot() {
        String zone = registerZone("MET", "ETDZ", "320000");
        double acceptedSingle = counter("submissions_accepted_total", "single");
        double rejectedSingle = counter("submissions_rejected_total", "single");
        double acceptedBatch = counter("submissions_accepted_total", "batch");
        double rejectedBatch = counter("submissions_rejected_total", "batch");
        String submitter = tokens().submitter("320000");

        as(submitter).header("Idempotency-Key", "metrics-1").body(submission(zone, "2014", 100))
                .post("/api/v1/submissions").then().statusCode(201);
        as(submitter).header("Idempotency-Key", "metrics-1").body(submission(zone, "2014", 100))
                .post("/api/v1/submissions").then().statusCode(201).header("Idempotency-Replayed", "true");
        as(submitter).body(submission(zone, "2014", -1)).post("/api/v1/submissions").then().statusCode(422);
        as(submitter).queryParam("dryRun", true).body(submission(zone, "2014", -1))
                .post("/api/v1/submissions").then().statusCode(422);
        as(submitter).queryParam("dryRun", true).body(submission(zone, "2014", 90))
                .post("/api/v1/submissions").then().statusCode(200);
        as(submitter).body("{\"submissions\": [%s, %s, %s]}".formatted(submission(zone, "2013", 90),
                        submission(zone, "2012", 80), submission(zone, "2011", -3)))
                .post("/api/v1/submissions/batch").then().statusCode(200);

        assertThat(counter("submissions_accepted_total", "single")).isEqualTo(acceptedSingle + 1);
        assertThat(counter("submissions_rejected_total", "single")).isEqualTo(rejectedSingle + 1);
        assertThat(counter("submissions_accepted_total", "batch")).isEqualTo(acceptedBatch + 2);
        assertThat(counter("submissions_rejected_total", "batch")).isEqualTo(rejectedBatch + 1);
    }
}
