package cn.etdz.evaluation.readmodel;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.EventTypes;
import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class SubmissionConsumerTest {

    private static final String TOPIC = "submissions.v1";
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    private static String zone() {
        return ("EVT-" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase(Locale.ROOT);
    }

    /** TAX before GDP: the input lists its values by indicator code, whatever the order submitted. */
    private static String payload(String zone, int revision, double gdp) {
        return """
                {"submissionId": %d, "zone": "%s", "period": "2015", "revision": %d, "late": false,
                 "receivedAt": "2016-03-01T08:00:00Z", "submittedBy": "js-system",
                 "values": [{"indicator": "TAX", "value": 80.5, "provisional": true, "note": "estimate"},
                            {"indicator": "GDP", "value": %s, "provisional": false, "note": null}]}"""
                .formatted(revision * 10, zone, revision, gdp);
    }

    private static Headers headers(String eventId, String zone) {
        return new EventEnvelope(eventId, EventTypes.SUBMISSION_ACCEPTED, "/indicator-service",
                OffsetDateTime.now(ZoneOffset.UTC), zone, 1).toHeaders();
    }

    private static void send(String zone, String eventId, String payload) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, null, zone, payload, headers(eventId, zone))).get();
    }

    private static JsonPath awaitInput(String zone, int revision) {
        String token = PlatformTestResource.tokens().analyst();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().header("Authorization", "Bearer " + token).get("/api/v1/inputs/" + zone + "/2015");
            return response.statusCode() == 200 && response.jsonPath().getInt("revision") == revision;
        });
        return given().header("Authorization", "Bearer " + token).get("/api/v1/inputs/" + zone + "/2015").jsonPath();
    }

    @Test
    void anAcceptedSubmissionBecomesTheZonePeriodsInput() throws Exception {
        String zone = zone();
        String eventId = UUID.randomUUID().toString();
        send(zone, eventId, payload(zone, 1, 2070.5));

        JsonPath input = awaitInput(zone, 1);
        assertThat(input.getString("eventId")).isEqualTo(eventId);
        assertThat(input.getLong("submissionId")).isEqualTo(10);
        assertThat(input.getList("values.indicator")).containsExactly("GDP", "TAX");
        assertThat(input.getDouble("values[0].value")).isEqualTo(2070.5);
        assertThat(input.getBoolean("values[1].provisional")).isTrue();
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndAnOlderRevisionChangesNothing() throws Exception {
        String zone = zone();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        send(zone, first, payload(zone, 1, 100));
        send(zone, second, payload(zone, 2, 200));
        JsonPath applied = awaitInput(zone, 2);

        send(zone, second, payload(zone, 2, 999));   // the same event again (a redelivery)
        send(zone, first, payload(zone, 1, 100));    // an older revision, late
        String late = UUID.randomUUID().toString();
        send(zone, late, payload(zone, 1, 50));      // an older revision under a new event id
        awaitCommittedToEnd();

        JsonPath now = awaitInput(zone, 2);
        assertThat(now.getString("eventId")).isEqualTo(second);
        assertThat(now.getString("appliedAt")).isEqualTo(applied.getString("appliedAt"));
        assertThat(now.getDouble("values[0].value")).isEqualTo(200.0);
    }

    @Test
    void anEventThatCannotBeProcessedGoesToTheDeadLetterTopicAndThePartitionMovesOn() throws Exception {
        String zone = zone();
        producer.send(new ProducerRecord<>(TOPIC, zone, "{\"no\": \"headers\"}")).get();
        send(zone, UUID.randomUUID().toString(), "not json at all");
        send(zone, UUID.randomUUID().toString(), payload(zone, 3, 300));

        awaitInput(zone, 3);

        List<String> reasons = new ArrayList<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var reader = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of("submissions.v1.dlq"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (zone.equals(record.key())) {
                        reasons.add(new String(record.headers().lastHeader("dlq_reason").value(), StandardCharsets.UTF_8));
                    }
                });
                return reasons.size() >= 2;
            });
        }
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0)).contains("ce_id");
        assertThat(reasons.get(1)).contains("not a SubmissionAccepted document");
    }

    @Test
    void aPollWithAPoisonRecordInTheMiddleAppliesTheOthersAndDeadLettersIt() throws Exception {
        String zone = zone();
        String other = zone();
        String newest = UUID.randomUUID().toString();
        String duplicate = UUID.randomUUID().toString();
        // sent together and keyed by one zone, so they arrive in one partition and (usually) one poll
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        sent.add(producer.send(new ProducerRecord<>(TOPIC, null, zone, payload(zone, 1, 100),
                headers(UUID.randomUUID().toString(), zone))));
        sent.add(producer.send(new ProducerRecord<>(TOPIC, null, zone, payload(zone, 3, 300), headers(newest, zone))));
        sent.add(producer.send(new ProducerRecord<>(TOPIC, null, zone, "{\"zone\": 42", headers(UUID.randomUUID().toString(), zone))));
        sent.add(producer.send(new ProducerRecord<>(TOPIC, null, zone, payload(zone, 2, 200),
                headers(UUID.randomUUID().toString(), zone))));   // older than revision 3: changes nothing
        sent.add(producer.send(new ProducerRecord<>(TOPIC, null, zone, payload(zone, 3, 999), headers(newest, zone))));
        sent.add(producer.send(new ProducerRecord<>(TOPIC, null, other, payload(other, 1, 10), headers(duplicate, other))));
        sent.add(producer.send(new ProducerRecord<>(TOPIC, null, other, payload(other, 1, 10), headers(duplicate, other))));
        for (var future : sent) {
            future.get();
        }

        awaitInput(other, 1);
        awaitCommittedToEnd();
        JsonPath input = awaitInput(zone, 3);
        assertThat(input.getString("eventId")).isEqualTo(newest);
        assertThat(input.getDouble("values[0].value")).isEqualTo(300.0);

        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> reasons = new ArrayList<>();
        try (var reader = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of("submissions.v1.dlq"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (zone.equals(record.key())) {
                        reasons.add(new String(record.headers().lastHeader("dlq_reason").value(), StandardCharsets.UTF_8));
                    }
                });
                return !reasons.isEmpty();
            });
        }
        assertThat(reasons).singleElement().asString().contains("not a SubmissionAccepted document");
    }

    @Test
    void inputsNeedAMinistryRole() {
        given().get("/api/v1/inputs/ANY/2015").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + PlatformTestResource.tokens().submitter("320000"))
                .get("/api/v1/inputs/ANY/2015").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + PlatformTestResource.tokens().analyst())
                .get("/api/v1/inputs/NO-SUCH-ZONE/2015").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    /** Waits until the service's consumer group has committed every record of the topic. */
    private static void awaitCommittedToEnd() {
        String bootstrap = PlatformTestResource.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             var probe = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                     new StringDeserializer(), new StringDeserializer())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("evaluation-service")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> ends = probe.endOffsets(probe.partitionsFor(TOPIC).stream()
                        .map(p -> new TopicPartition(TOPIC, p.partition())).toList());
                return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() == end.getValue()));
            });
        }
    }
}
