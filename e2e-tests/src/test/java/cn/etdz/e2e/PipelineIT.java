package cn.etdz.e2e;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.localstack.LocalStack;
import cn.etdz.localstack.TraceCollector;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged stack as {@code deploy/local/run.sh} starts it — PostgreSQL, the KRaft broker and the three services
 * as processes — driven through the gateway only.
 */
class PipelineIT {

    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = PackagedStack.start("e2e");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String registerZone(String province) {
        return registerZone(province, newTraceId());
    }

    /** Registers a zone in a trace of the caller's, so tests can wait for the evaluation service to have applied it. */
    private static String registerZone(String province, String traceId) {
        String code = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(stack.tokens().admin())
                .header("traceparent", "00-" + traceId + "-" + traceId.substring(16) + "-01")
                .body("""
                        {"code": "%s", "name": "端到端测试区", "type": "ETDZ", "province": "%s"}""".formatted(code, province))
                .post("/api/v1/zones")
                .then().statusCode(201);
        return code;
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void theDemoDataLoadsThroughTheGatewayAndItsTokensAreWritten() throws Exception {
        String summary = stack.loadDemoData();
        assertThat(summary).contains("147 zones", "884 submissions");
        int warned = Integer.parseInt(summary.replaceAll(".*\\((\\d+) with warnings.*", "$1"));
        assertThat(warned).as(summary).isBetween(2, 40);
        String tokens = Files.readString(stack.tokensFile());
        assertThat(tokens).contains("ADMIN_TOKEN=", "ANALYST_TOKEN=", "SUBMITTER_320000_TOKEN=");
        as(stack.tokens().analyst()).queryParam("province", "320000").get("/api/v1/zones")
                .then().statusCode(200).body("items.code", org.hamcrest.Matchers.hasItem("SUZHOU-IP"));
        as(stack.tokens().analyst()).queryParam("period", "2015").get("/api/v1/timeliness")
                .then().statusCode(200).body("total.submitted", org.hamcrest.Matchers.greaterThanOrEqualTo(147));
        var corrected = cn.etdz.localstack.DemoDataSet.generate(cn.etdz.localstack.DemoDataSet.DEMO_SEED).corrections().get(0);
        as(stack.tokens().analyst()).queryParam("period", corrected.period())
                .get("/api/v1/zones/" + corrected.zone() + "/revisions")
                .then().statusCode(200)
                .body("revision", org.hamcrest.Matchers.contains(1, 2))
                .body("[1].changes.indicator", org.hamcrest.Matchers.contains("GDP"));
    }

    /**
     * A browser app of an allowed origin (the local run's default, {@code http://localhost:3000}) may read each header
     * the services really send: the gateway's CORS list is checked against live answers, not against itself.
     */
    @Test
    void aBrowserAppMayReadTheHeadersTheServicesSend() {
        String origin = "http://localhost:3000";
        String zone = registerZone("320000");
        String key = UUID.randomUUID().toString();
        String body = """
                {"zone": "%s", "period": "2015", "values": [{"indicator": "GDP", "value": 2070.5},
                 {"indicator": "TAX", "value": 310.2}, {"indicator": "EMPLOYEES", "value": 80.1}]}""".formatted(zone);
        var created = as(stack.tokens().submitter("320000")).header("Origin", origin).header("Idempotency-Key", key)
                .body(body).post("/api/v1/submissions");
        var replayed = as(stack.tokens().submitter("320000")).header("Origin", origin).header("Idempotency-Key", key)
                .body(body).post("/api/v1/submissions");
        var unauthorised = given().header("Origin", origin).get("/api/v1/zones");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(replayed.header("Idempotency-Replayed")).isEqualTo("true");
        Map<String, io.restassured.response.Response> answers = Map.of(
                "Location", created, "X-Request-Id", created, "Idempotency-Replayed", replayed,
                "WWW-Authenticate", unauthorised);
        answers.forEach((header, answer) -> {
            assertThat(answer.header(header)).as(header + " sent").isNotNull();
            assertThat(List.of(answer.header("Access-Control-Expose-Headers").toLowerCase().split("\\s*,\\s*")))
                    .as("headers exposed to " + origin).contains(header.toLowerCase());
        });
    }

    @Test
    void aSubmissionThroughTheGatewayIsStoredPublishedOnceAndAppliedOnce() {
        String zone = registerZone("320000");
        String requestId = "e2e-" + UUID.randomUUID();
        int id = as(stack.tokens().submitter("320000"))
                .header("X-Request-Id", requestId)
                .body("""
                        {"zone": "%s", "period": "2015",
                         "values": [{"indicator": "GDP", "value": 2070.5}, {"indicator": "TAX", "value": 310.2},
                                    {"indicator": "EMPLOYEES", "value": 80.1},
                                    {"indicator": "SERV_VA", "value": 780.0, "provisional": true, "note": "preliminary"}]}"""
                        .formatted(zone))
                .post("/api/v1/submissions")
                .then().statusCode(201)
                .header("X-Request-Id", requestId)
                .body("revision", equalTo(1))
                .extract().path("id");

        as(stack.tokens().analyst()).get("/api/v1/submissions/" + id)
                .then().statusCode(200).body("zone", equalTo(zone)).body("values[0].value", equalTo(2070.5f));

        List<ConsumerRecord<String, String>> published = records(zone, 1);
        String eventId = EventEnvelope.fromHeaders(published.get(0).headers()).id();

        JsonPath input = awaitInput(zone, 1);
        assertThat(input.getString("eventId")).isEqualTo(eventId);
        assertThat(input.getLong("submissionId")).isEqualTo(id);
        assertThat(input.getList("values.indicator")).containsExactlyInAnyOrder("GDP", "TAX", "EMPLOYEES", "SERV_VA");
    }

    /**
     * A correction of one value after publication, through the gateway: the closed period refuses it, the reopened one
     * takes it, and the evaluation service — which does not consume the period events — receives the amendment as the
     * whole revision it makes, every value carried forward.
     */
    @Test
    void aReopenedPeriodTakesAnAmendmentThatReachesTheEvaluationServiceWithEveryValue() {
        String zone = registerZone("320000");
        String submitter = stack.tokens().submitter("320000");
        String admin = stack.tokens().admin();
        as(submitter).body("""
                        {"zone": "%s", "period": "2015",
                         "values": [{"indicator": "GDP", "value": 2070.5}, {"indicator": "TAX", "value": 310.2},
                                    {"indicator": "EMPLOYEES", "value": 80.1}, {"indicator": "SERV_VA", "value": 780.0}]}"""
                        .formatted(zone))
                .post("/api/v1/submissions").then().statusCode(201);
        String amendment = """
                {"zone": "%s", "period": "2015", "mode": "AMEND", "values": [{"indicator": "GDP", "value": 2075.0}]}"""
                .formatted(zone);

        as(admin).body("{\"reason\": \"2015 published\"}").post("/api/v1/periods/2015/close").then().statusCode(200);
        try {
            as(submitter).body(amendment).post("/api/v1/submissions").then().statusCode(409)
                    .body("type", equalTo("urn:etdz:problem:period-closed"));
        } finally {
            as(admin).body("{\"reason\": \"GDP corrected\"}").post("/api/v1/periods/2015/reopen").then().statusCode(200);
        }
        as(submitter).body(amendment).post("/api/v1/submissions").then().statusCode(201).body("revision", equalTo(2));

        JsonPath input = awaitInput(zone, 2);
        assertThat(input.getList("values.indicator")).containsExactlyInAnyOrder("GDP", "TAX", "EMPLOYEES", "SERV_VA");
        assertThat(input.getFloat("values.find { it.indicator == 'GDP' }.value")).isEqualTo(2075.0f);
        assertThat(input.getFloat("values.find { it.indicator == 'SERV_VA' }.value")).isEqualTo(780.0f);
    }

    /**
     * The client starts a trace; the gateway, the indicator service, Kafka (the outbox's traceparent header), the
     * evaluation service's consumer and its recomputation all continue it, and the scores.v1 event of the new snapshot
     * carries it on. Period 2003 has no other data here, and the zone is known to the evaluation service before the
     * submission, so this submission alone marks its peer group.
     */
    @Test
    void oneTraceFollowsASubmissionFromTheGatewayThroughKafkaToItsScores() {
        String registration = newTraceId();
        String zone = registerZone("320000", registration);
        await().atMost(Duration.ofSeconds(30)).until(() -> TraceCollector.trace(stack.traces().endpoint(), registration).stream()
                .anyMatch(span -> span.name().equals("zones.v1 process")));
        String traceId = newTraceId();
        String clientSpanId = traceId.substring(0, 16);
        as(stack.tokens().submitter("320000"))
                .header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                .body("""
                        {"zone": "%s", "period": "2003", "values": [{"indicator": "GDP", "value": 120},
                         {"indicator": "TAX", "value": 12}, {"indicator": "EMPLOYEES", "value": 6}]}""".formatted(zone))
                .post("/api/v1/submissions").then().statusCode(201);

        ConsumerRecord<String, String> scores = scoresEventOfTrace(traceId);
        assertThat(scores.key()).isEqualTo("ETDZ/2003");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<TraceCollector.CollectedSpan> trace = TraceCollector.trace(stack.traces().endpoint(), traceId);
            TraceCollector.CollectedSpan gateway = only(trace, "gateway", "SERVER", "");
            assertThat(gateway.parentSpanId()).isEqualTo(clientSpanId);
            TraceCollector.CollectedSpan stored = only(trace, "indicator-service", "SERVER", "POST");
            TraceCollector.CollectedSpan consumed = only(trace, "evaluation-service", "CONSUMER", "submissions.v1 process");
            TraceCollector.CollectedSpan recomputed = only(trace, "evaluation-service", "INTERNAL", "recompute ETDZ 2003");
            assertThat(ancestors(trace, stored)).contains(gateway.spanId());
            assertThat(consumed.parentSpanId()).isEqualTo(stored.spanId());
            assertThat(recomputed.parentSpanId()).isEqualTo(consumed.spanId());
            assertThat(new String(scores.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .isEqualTo("00-" + traceId + "-" + recomputed.spanId() + "-01");
        });
    }

    private static TraceCollector.CollectedSpan only(List<TraceCollector.CollectedSpan> trace, String service,
                                                     String kind, String namePrefix) {
        List<TraceCollector.CollectedSpan> matching = trace.stream()
                .filter(span -> span.service().equals(service) && span.kind().equals(kind)
                        && span.name().startsWith(namePrefix)).toList();
        assertThat(matching).as("%s %s span %s… in %s", service, kind, namePrefix, trace).hasSize(1);
        return matching.get(0);
    }

    /** The span ids above a span in its trace, nearest first. */
    private static List<String> ancestors(List<TraceCollector.CollectedSpan> trace, TraceCollector.CollectedSpan span) {
        List<String> ids = new ArrayList<>();
        String parent = span.parentSpanId();
        while (!parent.isEmpty() && !ids.contains(parent)) {
            ids.add(parent);
            String current = parent;
            parent = trace.stream().filter(s -> s.spanId().equals(current))
                    .map(TraceCollector.CollectedSpan::parentSpanId).findFirst().orElse("");
        }
        return ids;
    }

    /** The scores.v1 record whose traceparent header belongs to the trace. */
    private static ConsumerRecord<String, String> scoresEventOfTrace(String traceId) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("scores.v1"));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    var header = record.headers().lastHeader("traceparent");
                    if (header != null && new String(header.value(), StandardCharsets.UTF_8).contains(traceId)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() throws Exception {
        String zone = registerZone("440000");
        as(stack.tokens().submitter("440000"))
                .body("""
                        {"zone": "%s", "period": "2015", "values": [{"indicator": "GDP", "value": 100},
                         {"indicator": "TAX", "value": 10}, {"indicator": "EMPLOYEES", "value": 5}]}""".formatted(zone))
                .post("/api/v1/submissions").then().statusCode(201);
        ConsumerRecord<String, String> original = records(zone, 1).get(0);
        JsonPath applied = awaitInput(zone, 1);

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(original.topic(), null, original.key(), original.value(),
                    original.headers())).get();
        }
        assertThat(records(zone, 2)).hasSize(2);
        awaitConsumedToEnd();

        JsonPath after = awaitInput(zone, 1);
        assertThat(after.getString("appliedAt")).isEqualTo(applied.getString("appliedAt"));
        assertThat(after.getString("eventId")).isEqualTo(applied.getString("eventId"));
    }

    @Test
    void aSubmitterOfAnotherProvinceIsForbiddenAndNoTokenIsUnauthorised() {
        String zone = registerZone("320000");
        String body = """
                {"zone": "%s", "period": "2015", "values": [{"indicator": "GDP", "value": 1},
                 {"indicator": "TAX", "value": 0.1}, {"indicator": "EMPLOYEES", "value": 0.2}]}""".formatted(zone);
        as(stack.tokens().submitter("440000")).body(body).post("/api/v1/submissions")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/submissions")
                .then().statusCode(401).contentType("application/problem+json");
        as(stack.tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void healthAndTheApiDocumentArePublicOnTheGateway() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/openapi").then().statusCode(200);
    }

    /**
     * The whole path of an indicator an administrator adds: the catalogue takes it, a submission carries a value of it,
     * the evaluation service learns it from indicators.v1 so a methodology may use it, and the zones are scored on it.
     * Border zones of period 2005, which nothing else here touches; the two zones differ by a factor of two in every
     * value, so the larger one holds every maximum.
     */
    @Test
    void anIndicatorAnAdminAddsIsSubmittedAndScoredThroughTheWholePipeline() {
        String admin = stack.tokens().admin();
        String indicator = "PARKS_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(admin).body("""
                        {"code": "%s", "name": "边民互市点数", "nameEn": "Border trading points", "unit": "个",
                         "pillar": "openness", "valueType": "COUNT", "minValue": 0, "appliesTo": ["BECZ"]}""".formatted(indicator))
                .post("/api/v1/indicators").then().statusCode(201).body("origin", equalTo("ADMIN"));

        String active = as(stack.tokens().analyst()).get("/api/v1/methodologies").then().statusCode(200)
                .extract().jsonPath().getString("find { it.active && it.zoneType == 'BECZ' }.key");
        Map<String, Object> methodology = new java.util.LinkedHashMap<>(as(admin).get("/api/v1/methodologies/" + active)
                .then().statusCode(200).extract().jsonPath().getMap("methodology"));
        methodology.remove("version");
        methodology.put("id", "border-parks-" + UUID.randomUUID().toString().substring(0, 6));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pillars = (List<Map<String, Object>>) methodology.get("pillars");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> economy = (List<Map<String, Object>>) pillars.stream()
                .filter(pillar -> "ECONOMY".equals(pillar.get("code"))).findFirst().orElseThrow().get("indicators");
        economy.add(Map.of("code", indicator, "weight", 1.0, "direction", "HIGHER", "normalisation", "MINMAX"));
        // a 422 stores nothing: posted again until the evaluation service has applied the indicators.v1 event
        String[] posted = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var answer = as(admin).body(methodology).post("/api/v1/methodologies");
            posted[0] = answer.statusCode() == 201 ? answer.jsonPath().getString("key") : null;
            return posted[0] != null;
        });

        List<String> reported = as(admin).queryParam("zoneType", "BECZ").get("/api/v1/indicators")
                .then().statusCode(200).extract().jsonPath().getList("code");
        assertThat(reported).contains(indicator);
        String larger = registerBorderZone();
        String smaller = registerBorderZone();
        as(stack.tokens().submitter("530000")).body(borderSubmission(larger, reported, indicator, 2))
                .post("/api/v1/submissions").then().statusCode(201);
        as(stack.tokens().submitter("530000")).body(borderSubmission(smaller, reported, indicator, 1))
                .post("/api/v1/submissions").then().statusCode(201);

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath ranking = as(admin).queryParam("period", "2005").queryParam("zoneType", "BECZ").get("/api/v1/scores")
                    .jsonPath();
            return posted[0].equals(ranking.getString("snapshot.methodology")) && ranking.getInt("snapshot.rankedCount") == 2;
        });
        JsonPath explanation = as(admin).get("/api/v1/scores/" + larger + "/2005/explanation").then().statusCode(200)
                .extract().jsonPath();
        assertThat(explanation.getFloat("indicators.find { it.indicator == '%s' }.raw".formatted(indicator))).isEqualTo(6.0f);
        assertThat(explanation.getFloat("indicators.find { it.indicator == '%s' }.normalised".formatted(indicator)))
                .isEqualTo(100.0f);
        assertThat(explanation.getInt("score.nationalRank")).isEqualTo(1);
    }

    private static String registerBorderZone() {
        String code = "E2E-B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(stack.tokens().admin()).body("""
                        {"code": "%s", "name": "端到端边合区", "type": "BECZ", "province": "530000"}""".formatted(code))
                .post("/api/v1/zones").then().statusCode(201);
        return code;
    }

    /**
     * A value of every indicator border zones report, times {@code factor}: 1 for yes/no, shares of 30 × factor, 10 ×
     * factor otherwise, with the wholes (GDP, trade, output, employees) large enough for their parts; the added
     * indicator 3 × factor.
     */
    private static String borderSubmission(String zone, List<String> indicators, String added, int factor) {
        Map<String, Double> wholes = Map.of("GDP", 1000.0, "TRADE", 100.0, "IND_OUTPUT", 100.0, "EMPLOYEES", 100.0);
        Map<String, Double> shares = Map.of("SOCIAL_INS", 30.0, "ONLINE_RATE", 30.0);
        List<String> yesNo = List.of("ISO14000", "ECO_PARK", "LEGAL_BASIS", "ONE_STOP");
        List<String> values = new ArrayList<>();
        for (String code : indicators) {
            double value = code.equals(added) ? 3.0 * factor : yesNo.contains(code) ? 1.0
                    : shares.getOrDefault(code, wholes.getOrDefault(code, 10.0)) * factor;
            values.add("{\"indicator\": \"%s\", \"value\": %s}".formatted(code, value));
        }
        return "{\"zone\": \"%s\", \"period\": \"2005\", \"values\": [%s]}".formatted(zone, String.join(", ", values));
    }

    private static JsonPath awaitInput(String zone, int revision) {
        String token = stack.tokens().analyst();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = as(token).get("/api/v1/inputs/" + zone + "/2015");
            return response.statusCode() == 200 && response.jsonPath().getInt("revision") == revision;
        });
        return as(token).get("/api/v1/inputs/" + zone + "/2015").jsonPath();
    }

    /** Every record of the zone on submissions.v1, once at least {@code expected} have arrived. */
    private static List<ConsumerRecord<String, String>> records(String zone, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("submissions.v1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (zone.equals(r.key())) {
                        records.add(r);
                    }
                });
                return records.size() >= expected;
            });
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                if (zone.equals(r.key())) {
                    records.add(r);
                }
            });
        }
        assertThat(records).hasSize(expected);
        return records;
    }

    /** Waits until the evaluation service has committed every record of submissions.v1. */
    private static void awaitConsumedToEnd() {
        String bootstrap = stack.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             var probe = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                     new StringDeserializer(), new StringDeserializer())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var committed = admin.listConsumerGroupOffsets("evaluation-service").partitionsToOffsetAndMetadata().get();
                var ends = probe.endOffsets(probe.partitionsFor("submissions.v1").stream()
                        .map(p -> new TopicPartition("submissions.v1", p.partition())).toList());
                return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() == end.getValue()));
            });
        }
    }
}
