package cn.etdz.indicator.submission;

import cn.etdz.localstack.PlatformTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.readTopic;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class AmendmentTest {

    private static final String PROVINCE = "330000";

    /** A complete first revision of five indicators. */
    private static String full(String zone, String period) {
        return """
                {"zone": "%s", "period": "%s",
                 "values": [{"indicator": "GDP", "value": 100}, {"indicator": "TAX", "value": 10},
                            {"indicator": "EMPLOYEES", "value": 12.5},
                            {"indicator": "SERV_VA", "value": 40, "provisional": true, "note": "preliminary"},
                            {"indicator": "FDI", "value": 3.5}]}""".formatted(zone, period);
    }

    private static String zoneWithRevision(String prefix, String period) {
        String zone = registerZone(prefix, "ETDZ", PROVINCE);
        as(tokens().submitter(PROVINCE)).body(full(zone, period)).post("/api/v1/submissions").then().statusCode(201);
        return zone;
    }

    private static JsonPath revisions(String zone, String period) {
        return as(tokens().analyst()).queryParam("period", period).get("/api/v1/zones/" + zone + "/revisions")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anAmendmentCarriesTheOtherValuesForwardAndItsHistoryNamesExactlyTheChangedOnes() {
        String zone = zoneWithRevision("AMEND", "2015");

        int id = as(tokens().submitter(PROVINCE)).body("""
                        {"zone": "%s", "period": "2015", "mode": "AMEND",
                         "values": [{"indicator": "GDP", "value": 104}, {"indicator": "RD_CENTERS", "value": 7}]}"""
                        .formatted(zone))
                .post("/api/v1/submissions").then().statusCode(201)
                .body("revision", equalTo(2))
                .body("mode", equalTo("AMEND"))
                .body("values.indicator", contains("GDP", "TAX", "EMPLOYEES", "SERV_VA", "FDI", "RD_CENTERS"))
                .body("values.value", contains(104.0f, 10.0f, 12.5f, 40.0f, 3.5f, 7.0f))
                .body("values[3].provisional", equalTo(true))
                .body("values[3].note", equalTo("preliminary"))
                .extract().path("id");

        as(tokens().analyst()).get("/api/v1/submissions/" + id).then().statusCode(200)
                .body("mode", equalTo("AMEND"))
                .body("values.indicator", contains("GDP", "TAX", "EMPLOYEES", "SERV_VA", "FDI", "RD_CENTERS"));
        JsonPath history = revisions(zone, "2015");
        assertThat(history.getList("mode")).containsExactly("REPLACE", "AMEND");
        assertThat(history.getList("[1].changes.indicator")).containsExactly("GDP", "RD_CENTERS");
        assertThat(history.getList("[1].changes.change")).containsExactly("CHANGED", "ADDED");
        assertThat(history.getFloat("[1].changes[0].previous")).isEqualTo(100.0f);
        assertThat(history.getFloat("[1].changes[0].current")).isEqualTo(104.0f);
        as(tokens().analyst()).queryParam("from", "2015").queryParam("to", "2015")
                .get("/api/v1/zones/" + zone + "/values").then().statusCode(200)
                .body("series.indicator", contains("EMPLOYEES", "FDI", "GDP", "RD_CENTERS", "SERV_VA", "TAX"));

        JsonNode event = event(zone, 2);
        assertThat(event.get("mode").asText()).isEqualTo("AMEND");
        assertThat(event.get("amended").toString()).isEqualTo("[\"GDP\",\"RD_CENTERS\"]");
        assertThat(event.get("values").findValuesAsText("indicator"))
                .containsExactly("GDP", "TAX", "EMPLOYEES", "SERV_VA", "FDI", "RD_CENTERS");
    }

    @Test
    void theHistoryNamesAValueWhoseProvisionalMarkOrNoteChangedWithItsNumberUnchanged() {
        String zone = zoneWithRevision("AMMARK", "2015");

        // SERV_VA confirmed (no longer provisional, no note), TAX given a note, GDP sent again as it was
        as(tokens().submitter(PROVINCE)).body("""
                        {"zone": "%s", "period": "2015", "mode": "AMEND",
                         "values": [{"indicator": "SERV_VA", "value": 40}, {"indicator": "GDP", "value": 100},
                                    {"indicator": "TAX", "value": 10, "note": "税务局口径 tax bureau"}]}"""
                        .formatted(zone))
                .post("/api/v1/submissions").then().statusCode(201).body("revision", equalTo(2));

        JsonPath history = revisions(zone, "2015");
        assertThat(history.getList("[1].changes.indicator")).containsExactlyInAnyOrder("SERV_VA", "TAX");
        assertThat(history.getList("[1].changes.change")).containsOnly("CHANGED");
        String servVa = "[1].changes.find { it.indicator == 'SERV_VA' }";
        assertThat(history.getList(servVa + ".changed")).containsExactly("provisional", "note");
        assertThat(history.getFloat(servVa + ".previous")).isEqualTo(40.0f);
        assertThat(history.getFloat(servVa + ".current")).isEqualTo(40.0f);
        assertThat(history.getBoolean(servVa + ".previousProvisional")).isTrue();
        assertThat(history.getBoolean(servVa + ".currentProvisional")).isFalse();
        assertThat(history.getString(servVa + ".previousNote")).isEqualTo("preliminary");
        assertThat(history.getString(servVa + ".currentNote")).isNull();
        String tax = "[1].changes.find { it.indicator == 'TAX' }";
        assertThat(history.getList(tax + ".changed")).containsExactly("note");
        assertThat(history.getString(tax + ".currentNote")).isEqualTo("税务局口径 tax bureau");
        // the first revision's values are all ADDED, with their marks
        assertThat(history.getBoolean("[0].changes.find { it.indicator == 'SERV_VA' }.currentProvisional")).isTrue();
        assertThat(history.getString("[0].changes.find { it.indicator == 'SERV_VA' }.currentNote")).isEqualTo("preliminary");
    }

    @Test
    void anAmendmentRemovesAValueOnlyWhenNamedInRemove() {
        String zone = zoneWithRevision("AMRM", "2015");

        as(tokens().submitter(PROVINCE)).body("""
                        {"zone": "%s", "period": "2015", "mode": "AMEND", "remove": ["FDI"]}""".formatted(zone))
                .post("/api/v1/submissions").then().statusCode(201)
                .body("values.indicator", contains("GDP", "TAX", "EMPLOYEES", "SERV_VA"));

        JsonPath history = revisions(zone, "2015");
        assertThat(history.getList("[1].changes.indicator")).containsExactly("FDI");
        assertThat(history.getList("[1].changes.change")).containsExactly("REMOVED");
        assertThat(event(zone, 2).get("amended").toString()).isEqualTo("[\"FDI\"]");
    }

    @Test
    void aSubmissionWithoutModeOrWithReplaceStillReplacesTheWholeRevision() {
        String zone = zoneWithRevision("AMREP", "2015");
        String three = """
                {"zone": "%s", "period": "2015", %s
                 "values": [{"indicator": "GDP", "value": 101}, {"indicator": "TAX", "value": 10},
                            {"indicator": "EMPLOYEES", "value": 12.5}]}""";

        as(tokens().submitter(PROVINCE)).body(three.formatted(zone, "")).post("/api/v1/submissions").then()
                .statusCode(201).body("mode", equalTo("REPLACE"))
                .body("values.indicator", contains("GDP", "TAX", "EMPLOYEES"));
        as(tokens().submitter(PROVINCE)).body(full(zone, "2015")).post("/api/v1/submissions").then().statusCode(201);
        as(tokens().submitter(PROVINCE)).body(three.formatted(zone, "\"mode\": \"REPLACE\",")).post("/api/v1/submissions")
                .then().statusCode(201).body("values.indicator", contains("GDP", "TAX", "EMPLOYEES"));

        JsonPath history = revisions(zone, "2015");
        assertThat(history.getList("mode")).containsExactly("REPLACE", "REPLACE", "REPLACE", "REPLACE");
        assertThat(history.getList("[1].changes.indicator")).containsExactly("GDP", "SERV_VA", "FDI");
        assertThat(history.getList("[1].changes.change")).containsExactly("CHANGED", "REMOVED", "REMOVED");
        assertThat(event(zone, 2).get("mode").asText()).isEqualTo("REPLACE");
    }

    @Test
    void theRulesAreCheckedOnTheWholeRevisionAnAmendmentMakesAndABadOneStoresNothing() {
        String zone = zoneWithRevision("AMBAD", "2015");
        String token = tokens().submitter(PROVINCE);

        as(token).body("""
                        {"zone": "%s", "period": "2015", "mode": "AMEND", "remove": ["GDP"]}""".formatted(zone))
                .post("/api/v1/submissions").then().statusCode(422).contentType("application/problem+json")
                .body("violations.code", contains("missing-required"))
                .body("violations[0].message", equalTo("GDP is required for a ETDZ."));
        // SERV_VA (40, carried forward) may not exceed a GDP of 30: the carried value has no field of its own
        as(token).body("""
                        {"zone": "%s", "period": "2015", "mode": "AMEND", "values": [{"indicator": "GDP", "value": 30}]}"""
                        .formatted(zone))
                .post("/api/v1/submissions").then().statusCode(422)
                .body("violations.code", contains("inconsistent"))
                .body("violations.field", contains("values"));
        as(token).body("""
                        {"zone": "%s", "period": "2015", "mode": "AMEND",
                         "values": [{"indicator": "RD_CENTERS", "value": 1.5}, {"indicator": "FDI", "value": -1}],
                         "remove": ["RD_CENTERS", "COD", "  "]}""".formatted(zone))
                .post("/api/v1/submissions").then().statusCode(422)
                .body("violations.field", containsInAnyOrder("remove[0]", "remove[1]", "remove[2]", "values[0].value",
                        "values[1].value"))
                .body("violations.code", containsInAnyOrder("conflicting", "not-in-revision", "required", "not-a-count",
                        "out-of-range"));
        as(token).body("""
                        {"zone": "%s", "period": "2015", "mode": "AMEND"}""".formatted(zone))
                .post("/api/v1/submissions").then().statusCode(422)
                .body("violations.field", contains("values"));
        as(token).body("""
                        {"zone": "%s", "period": "2015", "remove": ["FDI"], "values": [{"indicator": "GDP", "value": 1}]}"""
                        .formatted(zone))
                .post("/api/v1/submissions").then().statusCode(422)
                .body("violations.field", hasItem("remove"))
                .body("violations.code", hasItem("not-allowed"));
        as(token).body("""
                        {"zone": "%s", "period": "2015", "mode": "SOMETIMES", "values": [{"indicator": "GDP", "value": 1}]}"""
                        .formatted(zone))
                .post("/api/v1/submissions").then().statusCode(400).contentType("application/problem+json");

        assertThat(revisions(zone, "2015").getList("revision")).containsExactly(1);
    }

    @Test
    void plausibilityWarningsOfAnAmendmentNameTheFieldsItSent() {
        String zone = registerZone("AMWARN", "ETDZ", PROVINCE);
        String token = tokens().submitter(PROVINCE);
        as(token).body(full(zone, "2014")).post("/api/v1/submissions").then().statusCode(201);
        as(token).body(full(zone, "2015")).post("/api/v1/submissions").then().statusCode(201);

        as(token).body("""
                        {"zone": "%s", "period": "2015", "mode": "AMEND", "values": [{"indicator": "TAX", "value": 25}]}"""
                        .formatted(zone))
                .queryParam("dryRun", "true")
                .post("/api/v1/submissions").then().statusCode(200)
                .body("status", equalTo("VALID"))
                .body("revision", equalTo(2))
                .body("values.indicator", contains("GDP", "TAX", "EMPLOYEES", "SERV_VA", "FDI"))
                .body("warnings.field", contains("values[0].value"))
                .body("warnings.code", contains("large-change"));
        assertThat(revisions(zone, "2015").getList("revision")).containsExactly(1);
    }

    @Test
    void anAmendmentOfAZonePeriodWithoutRevisionsIsItsFirstRevision() {
        String zone = registerZone("AMNEW", "ETDZ", PROVINCE);
        String token = tokens().submitter(PROVINCE);

        as(token).body("""
                        {"zone": "%s", "period": "2015", "mode": "AMEND", "values": [{"indicator": "GDP", "value": 10}]}"""
                        .formatted(zone))
                .post("/api/v1/submissions").then().statusCode(422)
                .body("violations.code", contains("missing-required", "missing-required"));
        as(token).body("""
                        {"zone": "%s", "period": "2015", "mode": "AMEND", "remove": ["GDP"],
                         "values": [{"indicator": "TAX", "value": 1}]}""".formatted(zone))
                .post("/api/v1/submissions").then().statusCode(422)
                .body("violations.field", hasItem("remove[0]"))
                .body("violations.code", hasItem("not-in-revision"));
        as(token).body(full(zone, "2015").replace("\"period\"", "\"mode\": \"AMEND\", \"period\""))
                .post("/api/v1/submissions").then().statusCode(201)
                .body("revision", equalTo(1))
                .body("mode", equalTo("AMEND"));
    }

    @Test
    void anAmendmentIsSafeToRetryWithItsIdempotencyKey() {
        String zone = zoneWithRevision("AMIDEM", "2015");
        String token = tokens().submitter(PROVINCE);
        String key = UUID.randomUUID().toString();
        String amendment = """
                {"zone": "%s", "period": "2015", "mode": "AMEND", "values": [{"indicator": "GDP", "value": 105}]}"""
                .formatted(zone);

        int id = as(token).header("Idempotency-Key", key).body(amendment).post("/api/v1/submissions").then()
                .statusCode(201).body("revision", equalTo(2)).extract().path("id");
        as(token).header("Idempotency-Key", key).body(amendment).post("/api/v1/submissions").then()
                .statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("id", equalTo(id))
                .body("mode", equalTo("AMEND"))
                .body("values.indicator", hasSize(5));
        as(token).header("Idempotency-Key", key).body(amendment.replace("105", "106")).post("/api/v1/submissions")
                .then().statusCode(409);
        assertThat(revisions(zone, "2015").getList("revision")).containsExactly(1, 2);
    }

    /** Each amendment reads the newest revision under its zone-period's lock, so concurrent ones lose no change. */
    @Test
    void concurrentAmendmentsOfDifferentValuesAllSurvive() {
        String zone = zoneWithRevision("AMRACE", "2015");
        String token = tokens().submitter(PROVINCE);
        List<String> indicators = List.of("RD_CENTERS", "HT_FIRMS", "SAFETY_ACC", "APPROVAL_DAYS", "ONLINE_RATE", "COD");
        List<CompletableFuture<Integer>> amendments = indicators.stream()
                .map(code -> CompletableFuture.supplyAsync(() -> as(token).body("""
                                {"zone": "%s", "period": "2015", "mode": "AMEND", "values": [{"indicator": "%s", "value": 3}]}"""
                                .formatted(zone, code))
                        .post("/api/v1/submissions").then().statusCode(201).extract().<Integer>path("revision")))
                .toList();
        assertThat(amendments.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7);

        JsonPath history = revisions(zone, "2015");
        assertThat(history.getList("revision")).containsExactly(1, 2, 3, 4, 5, 6, 7);
        IntStream.range(1, 7).forEach(i -> assertThat(history.getList("[" + i + "].changes.change")).containsExactly("ADDED"));
        as(tokens().analyst()).queryParam("from", "2015").queryParam("to", "2015")
                .get("/api/v1/zones/" + zone + "/values").then().statusCode(200)
                .body("series.indicator", hasSize(5 + indicators.size()));
    }

    @Test
    void batchesAndCsvAmendToo() {
        String zone = zoneWithRevision("AMBAT", "2015");
        String other = zoneWithRevision("AMBAT", "2015");
        String token = tokens().submitter(PROVINCE);

        as(token).body("""
                        {"submissions": [
                          {"zone": "%1$s", "period": "2015", "mode": "AMEND", "values": [{"indicator": "GDP", "value": 102}]},
                          {"zone": "%1$s", "period": "2015", "mode": "AMEND", "values": [{"indicator": "TAX", "value": 11}]},
                          {"zone": "%2$s", "period": "2015", "mode": "AMEND", "remove": ["FDI"]}]}""".formatted(zone, other))
                .post("/api/v1/submissions/batch").then().statusCode(200)
                .body("results.status", contains("ACCEPTED", "REJECTED", "ACCEPTED"))
                .body("results[1].violations.code", contains("amends-earlier-item"));
        assertThat(revisions(zone, "2015").getList("[1].changes.indicator")).containsExactly("GDP");
        assertThat(revisions(other, "2015").getList("[1].changes.indicator")).containsExactly("FDI");

        String csv = "zone,period,indicator,value,note\n" + zone + ",2015,TAX,11,corrected\n";
        as(token).contentType("text/csv").body(csv).queryParam("mode", "AMEND").post("/api/v1/submissions/batch")
                .then().statusCode(200).body("results.status", contains("ACCEPTED"));
        JsonPath history = revisions(zone, "2015");
        assertThat(history.getList("[2].changes.indicator")).containsExactly("TAX");
        assertThat(history.getString("[2].mode")).isEqualTo("AMEND");
        as(tokens().analyst()).queryParam("zone", zone).queryParam("period", "2015").get("/api/v1/submissions")
                .then().body("items[0].values.indicator", contains("GDP", "TAX", "EMPLOYEES", "SERV_VA", "FDI"))
                .body("items[0].values.value", contains(102.0f, 11.0f, 12.5f, 40.0f, 3.5f));

        as(token).contentType("text/csv").body(csv).queryParam("mode", "sometimes").post("/api/v1/submissions/batch")
                .then().statusCode(400).body("violations.field", contains("mode"));
        as(token).contentType("text/csv").body(csv).post("/api/v1/submissions/batch")
                .then().statusCode(200).body("results[0].violations.code", not(hasItem("amends-earlier-item")))
                .body("results[0].violations.code", hasItem("missing-required"));
    }

    /** The zone's SubmissionAccepted payload of a revision, once published on submissions.v1. */
    private static JsonNode event(String zone, int revision) {
        ObjectMapper json = new ObjectMapper();
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = readTopic("submissions.v1", 1);
            for (ConsumerRecord<String, String> record : records) {
                if (zone.equals(record.key())) {
                    JsonNode payload = json.readTree(record.value());
                    if (payload.get("revision").asInt() == revision) {
                        found[0] = payload;
                    }
                }
            }
            assertThat(found[0]).as("revision " + revision + " of " + zone + " on submissions.v1").isNotNull();
        });
        return found[0];
    }
}
