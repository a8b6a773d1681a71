package cn.etdz.evaluation.scores;

import cn.etdz.evaluation.readmodel.ZoneDirectory;
import cn.etdz.localstack.PlatformTestResource;
import cn.etdz.localstack.PrometheusText;
import cn.etdz.localstack.TraceCollector;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of the pipeline: the trace of a submission continued through consumption and recomputation,
 * and the metrics on /q/metrics (recompute duration, consumer lag, outbox backlog).
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class OperationsTest {

    /** Metrics are served on the management port only. */
    @TestHTTPResource(value = "/metrics", management = true) // under quarkus.management.root-path, /q
    java.net.URL metricsUrl;

    private static EventFixtures events;

    @Inject
    ZoneDirectory zones;

    @BeforeAll
    static void connect() {
        events = new EventFixtures();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private String metrics() {
        return given().get(metricsUrl).asString();
    }

    @Test
    void aSubmissionsTraceContinuesIntoItsRecomputationAndTheMetricsShowTheWork() throws Exception {
        String zone = EventFixtures.code("OPS");
        events.zone(zone, "BECZ", "530000", "WEST");
        // known before its submission, so the submission is what marks its peer group
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> zones.all().containsKey(zone)));
        double before = PrometheusText.sample(metrics(), "evaluation_recompute_duration_seconds_count",
                "zone_type", "BECZ").orElse(0);
        String traceId = "5b8efff798038103d269b633813fc60c";
        String storedBy = "eee19b7ec3c1b174";
        events.submission(zone, "2006", 1, EventFixtures.fullValues(3), "00-" + traceId + "-" + storedBy + "-01");

        String endpoint = ConfigProvider.getConfig().getValue("quarkus.otel.exporter.otlp.endpoint", String.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<TraceCollector.CollectedSpan> trace = TraceCollector.trace(endpoint, traceId);
            var consumed = trace.stream().filter(span -> span.name().equals("submissions.v1 process")).findFirst()
                    .orElseThrow(() -> new AssertionError("no consumer span in " + trace));
            var recomputed = trace.stream().filter(span -> span.name().equals("recompute BECZ 2006")).findFirst()
                    .orElseThrow(() -> new AssertionError("no recomputation in " + trace));
            assertThat(consumed.kind()).isEqualTo("CONSUMER");
            assertThat(consumed.parentSpanId()).isEqualTo(storedBy);
            assertThat(recomputed.parentSpanId()).isEqualTo(consumed.spanId());
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = metrics();
            assertThat(PrometheusText.sample(metrics, "evaluation_recompute_duration_seconds_count",
                    "zone_type", "BECZ").orElse(0)).isGreaterThan(before);
            assertThat(PrometheusText.sample(metrics, "kafka_consumer_fetch_manager_records_lag_max",
                    "client_id", "evaluation-service-events")).isPresent();
            assertThat(PrometheusText.sample(metrics, "outbox_backlog_events")).hasValue(0);
            assertThat(PrometheusText.sample(metrics, "outbox_oldest_unpublished_seconds")).hasValue(0);
        });
    }
}
