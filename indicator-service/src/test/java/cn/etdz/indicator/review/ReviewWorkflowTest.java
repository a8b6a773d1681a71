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
import java.util.Map;

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

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class ReviewWorkflowTest {

    private static final String JIANGSU = "320000";
    private static final String GUANGDONG = "440000";

    private static String approve(int revision) {
        return """
                {"revision": %d, "decision": "APPROVED", "comment": "核实无误"}""".formatted(revision);
    }

    private static String decisions(String zone, String period) {
        return "/api/v1/reviews/returns/" + zone + "/" + period + "/decisions";
    }

    private static void submit(String zone, String period, double gdp) {
        as(tokens().submitter(JIANGSU)).body(submission(zone, period, gdp)).post("/api/v1/submissions")
                .then().statusCode(201);
    }

    @Test
    void onlyTheProvincesReviewerOrAnAdminDecidesAndEveryDecisionIsKeptWithWhoWhenAndWhy() {
        String zone = registerZone("REVIEW", "ETDZ", JIANGSU);
        submit(zone, "2014", 100);

        // who may not: the province's own submitter, a reviewer of another province, an analyst
        as(tokens().submitter(JIANGSU)).body(approve(1)).post(decisions(zone, "2014"))
                .then().statusCode(403).contentType("application/problem+json");
        as(tokens().reviewer(GUANGDONG)).body(approve(1)).post(decisions(zone, "2014"))
                .then().statusCode(403).body("detail", containsString(GUANGDONG));
        as(tokens().analyst()).body(approve(1)).post(decisions(zone, "2014")).then().statusCode(403);
        as(tokens().analyst()).get("/api/v1/reviews/returns/" + zone + "/2014").then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("decisions", empty());

        // the province's reviewer approves; an admin withdraws the approval with a reason
        as(tokens().reviewer(JIANGSU)).body(approve(1)).post(decisions(zone, "2014"))
                .then().statusCode(200)
                .body("revision", equalTo(1)).body("state", equalTo("APPROVED"))
                .body("decisions.decidedBy", contains("demo-reviewer-320000"));
        as(tokens().reviewer(JIANGSU)).body(approve(1)).post(decisions(zone, "2014"))
                .then().statusCode(409).body("detail", containsString("APPROVED"));
        as(tokens().admin()).body("""
                        {"revision": 1, "decision": "RETURNED", "comment": "部委抽查 Ministry check",
                         "valueComments": {"GDP": "与统计局口径不符 not the statistics bureau's figure"}}""")
                .post(decisions(zone, "2014"))
                .then().statusCode(200).body("state", equalTo("RETURNED"));
        // a returned revision is corrected by a new one, not decided on again
        as(tokens().reviewer(JIANGSU)).body(approve(1)).post(decisions(zone, "2014")).then().statusCode(409);

        JsonPath trail = as(tokens().submitter(JIANGSU)).get("/api/v1/reviews/returns/" + zone + "/2014")
                .then().statusCode(200).extract().jsonPath();
        assertThat(trail.getList("decisions.state")).containsExactly("APPROVED", "RETURNED");
        assertThat(trail.getList("decisions.decidedRole")).containsExactly("reviewer", "admin");
        assertThat(trail.getList("decisions.decidedBy")).containsExactly("demo-reviewer-320000", "demo-admin");
        assertThat(trail.getList("decisions.comment")).containsExactly("核实无误", "部委抽查 Ministry check");
        assertThat(trail.getMap("decisions[1].valueComments"))
                .isEqualTo(Map.of("GDP", "与统计局口径不符 not the statistics bureau's figure"));
        assertThat(trail.getString("decisions[0].decidedAt")).isNotBlank();
        as(tokens().reviewer(GUANGDONG)).get("/api/v1/reviews/returns/" + zone + "/2014").then().statusCode(403);
        as(tokens().submitter(GUANGDONG)).get("/api/v1/reviews/returns/" + zone + "/2014").then().statusCode(403);
    }

    @Test
    void onlyTheNewestRevisionIsDecidedOnAndANewRevisionNeedsApprovalAgain() {
        String zone = registerZone("REVISE", "ETDZ", JIANGSU);
        submit(zone, "2014", 100);
        as(tokens().reviewer(JIANGSU)).body(approve(1)).post(decisions(zone, "2014")).then().statusCode(200);

        submit(zone, "2014", 101);
        as(tokens().reviewer(JIANGSU)).get("/api/v1/reviews/returns/" + zone + "/2014").then().statusCode(200)
                .body("revision", equalTo(2)).body("state", equalTo("SUBMITTED"));
        as(tokens().reviewer(JIANGSU)).queryParam("period", "2014").queryParam("size", 500).get("/api/v1/reviews/queue")
                .then().statusCode(200).body("items.findAll { it.zone == '" + zone + "' }.revision", contains(2));

        as(tokens().reviewer(JIANGSU)).body(approve(1)).post(decisions(zone, "2014"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("revision 2"));
        as(tokens().reviewer(JIANGSU)).body(approve(3)).post(decisions(zone, "2014")).then().statusCode(404);
        as(tokens().reviewer(JIANGSU)).body(approve(1)).post(decisions(zone, "2015")).then().statusCode(404);
        as(tokens().reviewer(JIANGSU)).body(approve(2)).post(decisions(zone, "2014"))
                .then().statusCode(200).body("state", equalTo("APPROVED"))
                .body("decisions.revision", contains(1, 2));
        as(tokens().reviewer(JIANGSU)).queryParam("period", "2014").queryParam("size", 500).get("/api/v1/reviews/queue")
                .then().statusCode(200).body("items.zone", not(hasItem(zone)));
    }

    @Test
    void aBadDecisionIsRefusedWithItsViolationsAndChangesNothing() {
        String zone = registerZone("BADREVIEW", "ETDZ", JIANGSU);
        submit(zone, "2014", 100);
        String reviewer = tokens().reviewer(JIANGSU);

        as(reviewer).body("{\"revision\": 1, \"decision\": \"RETURNED\"}").post(decisions(zone, "2014"))
                .then().statusCode(422).body("violations.code", contains("reason-required"));
        as(reviewer).body("{\"decision\": \"MAYBE\"}").post(decisions(zone, "2014"))
                .then().statusCode(422).body("violations.field", contains("revision", "decision"))
                .body("violations.code", contains("required", "unknown-decision"));
        as(reviewer).body("""
                        {"revision": 1, "decision": "RETURNED", "valueComments": {"FDI": "请补报 please report"}}""")
                .post(decisions(zone, "2014"))
                .then().statusCode(422).body("violations.field", contains("valueComments.FDI"))
                .body("violations.code", contains("not-a-value"));
        as(reviewer).body("{\"revision\": 1, \"decision\": \"APPROVED\", \"comment\": \"" + "长".repeat(2001) + "\"}")
                .post(decisions(zone, "2014")).then().statusCode(422).body("violations.code", contains("too-long"));
        as(reviewer).header("Accept-Language", "zh-CN").body("{\"revision\": 1, \"decision\": \"RETURNED\"}")
                .post(decisions(zone, "2014"))
                .then().statusCode(422).body("violations[0].message", containsString("退回须说明理由"));
        as(reviewer).body("{").post(decisions(zone, "2014")).then().statusCode(400);

        as(reviewer).get("/api/v1/reviews/returns/" + zone + "/2014").then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("decisions", empty());
    }

    @Test
    void theQueueShowsTheProvincesWaitingReturnsWithTheirWarnings() {
        String zone = registerZone("QUEUE", "ETDZ", JIANGSU);
        submit(zone, "2012", 100);
        submit(zone, "2013", 300); // +200 %: a large-change warning on GDP
        String reviewer = tokens().reviewer(JIANGSU);

        JsonPath queue = as(reviewer).queryParam("period", "2013").queryParam("size", 500).get("/api/v1/reviews/queue")
                .then().statusCode(200).body("items.province", everyItem(equalTo(JIANGSU)))
                .extract().jsonPath();
        String mine = "items.find { it.zone == '" + zone + "' }";
        assertThat(queue.getInt(mine + ".revision")).isEqualTo(1);
        assertThat(queue.getList(mine + ".submission.warnings.code")).contains("large-change");
        assertThat(queue.getList(mine + ".submission.values.indicator")).contains("GDP", "TAX", "EMPLOYEES");
        assertThat(queue.getList(mine + ".openQueries")).isEmpty();

        as(reviewer).queryParam("province", GUANGDONG).get("/api/v1/reviews/queue").then().statusCode(403);
        as(tokens().submitter(JIANGSU)).get("/api/v1/reviews/queue").then().statusCode(403);
        as(tokens().admin()).queryParam("province", GUANGDONG).queryParam("size", 500).get("/api/v1/reviews/queue")
                .then().statusCode(200).body("items.zone", not(hasItem(zone)));
        as(tokens().analyst()).queryParam("period", "20x3").get("/api/v1/reviews/queue").then().statusCode(400);
    }

    @Test
    void decisionsArePublishedOnTheReviewsTopicWithZonePeriodRevisionAndState() {
        String zone = registerZone("REVIEWEVT", "ETDZ", JIANGSU);
        submit(zone, "2014", 100);
        as(tokens().reviewer(JIANGSU)).body(approve(1)).post(decisions(zone, "2014")).then().statusCode(200);
        as(tokens().reviewer(JIANGSU)).body("""
                {"revision": 1, "decision": "RETURNED", "valueComments": {"TAX": "请核实 please check"}}""")
                .post(decisions(zone, "2014")).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = readTopic("reviews.v1", zone, 2);

        assertThat(records).hasSize(2);
        assertThat(records).extracting(record -> EventEnvelope.fromHeaders(record.headers()).type())
                .containsExactly(EventTypes.REVISION_APPROVED, EventTypes.REVISION_RETURNED);
        JsonPath returned = JsonPath.from(records.get(1).value());
        assertThat(returned.getString("zone")).isEqualTo(zone);
        assertThat(returned.getString("period")).isEqualTo("2014");
        assertThat(returned.getInt("revision")).isEqualTo(1);
        assertThat(returned.getString("state")).isEqualTo("RETURNED");
        assertThat(returned.getMap("valueComments")).isEqualTo(Map.of("TAX", "请核实 please check"));
        assertThat(returned.getString("decidedBy")).isEqualTo("demo-reviewer-320000");
        assertThat(EventEnvelope.fromHeaders(records.get(0).headers()).subject()).isEqualTo(zone);
    }
}
