package cn.etdz.indicator.review;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.EventTypes;
import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.readTopic;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.submission;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class ValueQueryTest {

    private static final String JIANGSU = "320000";
    private static final String GUANGDONG = "440000";
    private static final String QUERIES = "/api/v1/reviews/queries";

    private static String query(String zone, String indicator, String text) {
        return """
                {"zone": "%s", "period": "2014", "revision": 1, "indicator": "%s", "text": "%s"}"""
                .formatted(zone, indicator, text);
    }

    @Test
    void aQueryIsRaisedAnsweredByTheProvinceAndClosedByItsRaiserWithEveryStepKept() {
        String zone = registerZone("QUERY", "ETDZ", JIANGSU);
        as(tokens().submitter(JIANGSU)).body(submission(zone, "2014", 100)).post("/api/v1/submissions").then().statusCode(201);

        // who may not raise: a submitter, a reviewer of another province
        as(tokens().submitter(JIANGSU)).body(query(zone, "GDP", "请确认")).post(QUERIES).then().statusCode(403);
        as(tokens().reviewer(GUANGDONG)).body(query(zone, "GDP", "请确认")).post(QUERIES).then().statusCode(403);
        int id = as(tokens().reviewer(JIANGSU)).body(query(zone, "GDP", "GDP +247 % — please confirm")).post(QUERIES)
                .then().statusCode(201)
                .header("Location", containsString(QUERIES + "/"))
                .body("status", equalTo("OPEN")).body("answered", equalTo(false))
                .body("indicator", equalTo("GDP")).body("province", equalTo(JIANGSU))
                .body("raisedBy", equalTo("demo-reviewer-320000"))
                .extract().path("id");

        // the queue and the listings show it as open
        as(tokens().reviewer(JIANGSU)).queryParam("period", "2014").queryParam("size", 500).get("/api/v1/reviews/queue")
                .then().statusCode(200)
                .body("items.find { it.zone == '" + zone + "' }.openQueries.id", contains(id));
        as(tokens().submitter(JIANGSU)).queryParam("zone", zone).queryParam("status", "OPEN").get(QUERIES)
                .then().statusCode(200).body("items.id", contains(id)).body("total", equalTo(1));
        as(tokens().analyst()).queryParam("province", JIANGSU).queryParam("status", "OPEN").queryParam("size", 500)
                .get(QUERIES).then().statusCode(200).body("items.id", hasItem(id))
                .body("items.province", everyItem(equalTo(JIANGSU)));
        as(tokens().submitter(GUANGDONG)).queryParam("province", JIANGSU).get(QUERIES).then().statusCode(403);
        as(tokens().reviewer(GUANGDONG)).queryParam("size", 500).get(QUERIES)
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        as(tokens().reviewer(GUANGDONG)).get(QUERIES + "/" + id).then().statusCode(403);

        // the province answers; another province, the raiser's side and a blank answer may not
        as(tokens().submitter(GUANGDONG)).body("{\"text\": \"?\"}").post(QUERIES + "/" + id + "/answers").then().statusCode(403);
        as(tokens().reviewer(JIANGSU)).body("{\"text\": \"?\"}").post(QUERIES + "/" + id + "/answers").then().statusCode(403);
        as(tokens().submitter(JIANGSU)).body("{\"text\": \" \"}").post(QUERIES + "/" + id + "/answers")
                .then().statusCode(422).body("violations.code", contains("required"));
        as(tokens().submitter(JIANGSU)).body("{\"text\": \"已核实：新厂投产 Confirmed: a new plant\"}")
                .post(QUERIES + "/" + id + "/answers")
                .then().statusCode(200).body("status", equalTo("OPEN")).body("answered", equalTo(true));

        // only the raiser (or an admin) closes it
        as(tokens().analyst()).body("{}").post(QUERIES + "/" + id + "/close")
                .then().statusCode(403).body("detail", containsString("demo-reviewer-320000"));
        as(tokens().reviewer(JIANGSU)).body("{\"text\": \"谢谢 thanks\"}").post(QUERIES + "/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("messages.kind", contains("RAISED", "ANSWERED", "CLOSED"))
                .body("messages.author", contains("demo-reviewer-320000", "demo-submitter-320000", "demo-reviewer-320000"))
                .body("messages.text", contains("GDP +247 % — please confirm", "已核实：新厂投产 Confirmed: a new plant",
                        "谢谢 thanks"));
        as(tokens().reviewer(JIANGSU)).body("{}").post(QUERIES + "/" + id + "/close").then().statusCode(409);
        as(tokens().submitter(JIANGSU)).body("{\"text\": \"late\"}").post(QUERIES + "/" + id + "/answers")
                .then().statusCode(409).body("detail", containsString("closed"));

        as(tokens().submitter(JIANGSU)).queryParam("zone", zone).queryParam("status", "OPEN").get(QUERIES)
                .then().statusCode(200).body("items", empty());
        as(tokens().submitter(JIANGSU)).get(QUERIES + "/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("messages", org.hamcrest.Matchers.hasSize(3));
    }

    @Test
    void aPlausibilityWarningBecomesAQueryInOneStep() {
        String zone = registerZone("WARNQ", "ETDZ", JIANGSU);
        as(tokens().submitter(JIANGSU)).body(submission(zone, "2013", 100)).post("/api/v1/submissions").then().statusCode(201);
        as(tokens().submitter(JIANGSU)).body(submission(zone, "2014", 347)).post("/api/v1/submissions")
                .then().statusCode(201).body("warnings[0].field", equalTo("values[0].value"))
                .body("warnings[0].code", equalTo("large-change"));

        as(tokens().analyst()).body("""
                        {"zone": "%s", "period": "2014", "revision": 1, "warning": 0}""".formatted(zone)).post(QUERIES)
                .then().statusCode(201)
                .body("indicator", equalTo("GDP")).body("warningCode", equalTo("large-change"))
                .body("raisedBy", equalTo("demo-analyst"))
                .body("messages[0].text", startsWith("GDP changed by +247 %"));

        as(tokens().analyst()).body("""
                        {"zone": "%s", "period": "2014", "revision": 1, "warning": 9}""".formatted(zone)).post(QUERIES)
                .then().statusCode(422).body("violations.code", contains("unknown-warning"));
    }

    @Test
    void aBadQueryIsRefusedAndNothingIsStored() {
        String zone = registerZone("BADQ", "ETDZ", JIANGSU);
        as(tokens().submitter(JIANGSU)).body(submission(zone, "2014", 100)).post("/api/v1/submissions").then().statusCode(201);
        String reviewer = tokens().reviewer(JIANGSU);

        as(reviewer).body("{\"zone\": \"" + zone + "\"}").post(QUERIES)
                .then().statusCode(422).body("violations.field", contains("period", "revision", "indicator", "text"));
        as(reviewer).body(query(zone, "FDI", "请补报")).post(QUERIES)
                .then().statusCode(422).body("violations.code", contains("not-a-value"));
        as(reviewer).body("""
                {"zone": "%s", "period": "2014", "revision": 2, "indicator": "GDP", "text": "?"}""".formatted(zone))
                .post(QUERIES).then().statusCode(404);
        as(reviewer).body(query("NO-SUCH-ZONE", "GDP", "?")).post(QUERIES).then().statusCode(404);
        as(reviewer).get(QUERIES + "/987654321").then().statusCode(404);
        as(reviewer).queryParam("status", "MAYBE").get(QUERIES).then().statusCode(400);

        as(tokens().admin()).queryParam("zone", zone).get(QUERIES).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void everyStepOfAQueryIsPublishedOnTheQueriesTopicAndARefusedStepIsNot() {
        String zone = registerZone("QUERYEVT", "ETDZ", JIANGSU);
        as(tokens().submitter(JIANGSU)).body(submission(zone, "2014", 100)).post("/api/v1/submissions").then().statusCode(201);
        int id = as(tokens().reviewer(JIANGSU)).body(query(zone, "GDP", "请确认 please confirm")).post(QUERIES)
                .then().statusCode(201).extract().path("id");
        as(tokens().submitter(JIANGSU)).body("{\"text\": \"已核实 confirmed\"}").post(QUERIES + "/" + id + "/answers")
                .then().statusCode(200);
        // refused: another province's answer, an empty one; neither is published
        as(tokens().submitter(GUANGDONG)).body("{\"text\": \"?\"}").post(QUERIES + "/" + id + "/answers").then().statusCode(403);
        as(tokens().submitter(JIANGSU)).body("{\"text\": \" \"}").post(QUERIES + "/" + id + "/answers").then().statusCode(422);
        as(tokens().reviewer(JIANGSU)).body("{}").post(QUERIES + "/" + id + "/close").then().statusCode(200);
        as(tokens().reviewer(JIANGSU)).body("{}").post(QUERIES + "/" + id + "/close").then().statusCode(409);

        List<ConsumerRecord<String, String>> records = readTopic("queries.v1", zone, 3);

        assertThat(records).extracting(record -> EventEnvelope.fromHeaders(record.headers()).type())
                .containsExactly(EventTypes.QUERY_RAISED, EventTypes.QUERY_ANSWERED, EventTypes.QUERY_CLOSED);
        assertThat(records).extracting(record -> EventEnvelope.fromHeaders(record.headers()).subject())
                .containsOnly(zone);
        List<JsonPath> steps = records.stream().map(record -> JsonPath.from(record.value())).toList();
        assertThat(steps).extracting(step -> step.getLong("queryId")).containsOnly((long) id);
        assertThat(steps).extracting(step -> step.getString("status")).containsExactly("OPEN", "OPEN", "CLOSED");
        assertThat(steps).extracting(step -> step.getString("text"))
                .containsExactly("请确认 please confirm", "已核实 confirmed", null);
        assertThat(steps).extracting(step -> step.getString("author"))
                .containsExactly("demo-reviewer-320000", "demo-submitter-320000", "demo-reviewer-320000");
        JsonPath raised = steps.get(0);
        assertThat(raised.getString("zone")).isEqualTo(zone);
        assertThat(raised.getString("period")).isEqualTo("2014");
        assertThat(raised.getInt("revision")).isEqualTo(1);
        assertThat(raised.getString("indicator")).isEqualTo("GDP");
    }
}
