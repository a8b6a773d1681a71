package cn.etdz.indicator;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.EventTypes;
import cn.etdz.localstack.PlatformTestResource;
import cn.etdz.localstack.PrometheusText;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class OutboxRelayTest {

    /** Metrics are served on the management port only. */
    @TestHTTPResource(value = "/metrics", management = true) // under quarkus.management.root-path, /q
    java.net.URL metricsUrl;

    /** What an operator sees on /q/metrics: events stored but not yet acknowledged by Kafka. */
    private double backlog() {
        return PrometheusText.sample(given().get(metricsUrl).asString(), "outbox_backlog_events").orElseThrow();
    }

    private double oldestUnpublishedSeconds() {
        return PrometheusText.sample(given().get(metricsUrl).asString(), "outbox_oldest_unpublished_seconds")
                .orElseThrow();
    }

    private static String submission(String zone) {
        return IndicatorTestSupport.submission(zone, "2013", 120.5);
    }

    @Test
    void anAcceptedSubmissionIsPublishedOnceWithItsFullValuesAndCloudEventsHeaders() {
        String zone = registerZone("PUB", "ETDZ", "320000");
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        int id = as(tokens().submitter("320000")).body(submission(zone))
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .post("/api/v1/submissions")
                .then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> records = awaitRecords(zone, 1);

        ConsumerRecord<String, String> record = records.get(0);
        EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
        assertThat(envelope.type()).isEqualTo(EventTypes.SUBMISSION_ACCEPTED);
        assertThat(envelope.subject()).isEqualTo(zone);
        assertThat(envelope.schemaVersion()).isEqualTo(1);
        JsonPath payload = JsonPath.from(record.value());
        assertThat(payload.getInt("submissionId")).isEqualTo(id);
        assertThat(payload.getInt("revision")).isEqualTo(1);
        assertThat(payload.getString("period")).isEqualTo("2013");
        assertThat(payload.getList("values.indicator")).containsExactly("GDP", "TAX", "EMPLOYEES", "SERV_VA");
        assertThat(payload.getDouble("values[0].value")).isEqualTo(120.5);
        assertThat(payload.getString("submittedBy")).isEqualTo("demo-submitter-320000");
        // the consumer continues the trace of the request that stored the event, below this service's span
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain("b7ad6b7169203331");
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
    }

    @Test
    void submissionsAreAcceptedWhileKafkaIsDownAndPublishedWhenItReturns() {
        String zone = registerZone("OUTAGE", "ETDZ", "320000");
        PlatformTestResource.kafka().stopBroker();
        try {
            for (int i = 0; i < 3; i++) {
                as(tokens().submitter("320000")).body(submission(zone)).post("/api/v1/submissions")
                        .then().statusCode(201);
            }
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(backlog()).isGreaterThanOrEqualTo(3);
                assertThat(oldestUnpublishedSeconds()).isPositive();
            });
        } finally {
            PlatformTestResource.kafka().startBroker();
        }

        // At least once: an outage can publish an event twice (Kafka took it, but too late for the relay to know);
        // the copies carry the same event id, which the consumer skips. Nothing is lost and first arrivals keep order.
        List<ConsumerRecord<String, String>> records = awaitRecords(zone, 3, false);
        Map<String, Integer> revisionById = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            int revision = JsonPath.from(record.value()).getInt("revision");
            Integer earlier = revisionById.putIfAbsent(EventEnvelope.fromHeaders(record.headers()).id(), revision);
            assertThat(earlier == null || earlier == revision).isTrue();
        }
        assertThat(revisionById.values())
                .as(() -> records.stream().map(r -> r.partition() + "@" + r.offset() + ":" + JsonPath.from(r.value()).getInt("revision"))
                        .toList().toString())
                .containsExactly(1, 2, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog() == 0);
    }

    /** Reads submissions.v1 from the beginning until {@code expected} records of the zone arrived. */
    static List<ConsumerRecord<String, String>> awaitRecords(String zone, int expected) {
        return awaitRecords(zone, expected, true);
    }

    static List<ConsumerRecord<String, String>> awaitRecords(String zone, int expected, boolean exactly) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("submissions.v1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (zone.equals(record.key())) {
                        records.add(record);
                    }
                });
                return records.stream().map(r -> EventEnvelope.fromHeaders(r.headers()).id()).distinct().count() >= expected;
            });
            // A little longer, to catch a duplicate that should not be there.
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> {
                if (zone.equals(record.key())) {
                    records.add(record);
                }
            });
        }
        if (exactly) {
            assertThat(records).hasSize(expected);
        }
        return records;
    }
}
