package cn.etdz.indicator.submission;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.submission;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class HistoryAndTimelinessTest {

    @Test
    void threeCorrectionsLeaveFourRevisionsWithWhoWhenAndWhatChanged() {
        String zone = registerZone("HIST", "ETDZ", "340000");
        String province = tokens().submitter("340000");
        as(province).body(submission(zone, "2014", 100)).post("/api/v1/submissions").then().statusCode(201);
        as(province).body(submission(zone, "2014", 120)).post("/api/v1/submissions").then().statusCode(201);
        as(province).body("""
                {"zone": "%s", "period": "2014", "values": [{"indicator": "GDP", "value": 120},
                 {"indicator": "TAX", "value": 12}, {"indicator": "EMPLOYEES", "value": 12.5},
                 {"indicator": "FDI", "value": 3.5}]}""".formatted(zone)).post("/api/v1/submissions").then().statusCode(201);
        as(tokens().admin()).body(submission(zone, "2014", 121)).post("/api/v1/submissions").then().statusCode(201);
        as(province).body(submission(zone, "2013", 90)).post("/api/v1/submissions").then().statusCode(201);

        as(tokens().analyst()).queryParam("period", "2014").get("/api/v1/zones/" + zone + "/revisions")
                .then().statusCode(200)
                .body("revision", contains(1, 2, 3, 4))
                .body("submittedBy", contains("demo-submitter-340000", "demo-submitter-340000",
                        "demo-submitter-340000", "demo-admin"))
                .body("submitterProvince", contains("340000", "340000", "340000", null))
                .body("[0].changes.change", contains("ADDED", "ADDED", "ADDED", "ADDED"))
                .body("[1].changes.indicator", contains("GDP", "TAX", "SERV_VA"))
                .body("[1].changes[0].previous", equalTo(100.0f))
                .body("[1].changes[0].current", equalTo(120.0f))
                .body("[2].changes.indicator", contains("FDI", "SERV_VA"))
                .body("[2].changes.change", contains("ADDED", "REMOVED"))
                .body("[3].changes.indicator", contains("GDP", "TAX", "SERV_VA", "FDI"))
                .body("[3].changes.change", contains("CHANGED", "CHANGED", "ADDED", "REMOVED"));

        as(province).get("/api/v1/zones/" + zone + "/revisions").then().statusCode(200)
                .body("period", contains("2013", "2014", "2014", "2014", "2014"));

        as(province).queryParam("indicator", "GDP").get("/api/v1/zones/" + zone + "/values")
                .then().statusCode(200)
                .body("series.indicator", contains("GDP"))
                .body("series[0].unit", equalTo("亿元"))
                .body("series[0].points.period", contains("2013", "2014"))
                .body("series[0].points.value", contains(90.0f, 121.0f))
                .body("series[0].points.revision", contains(1, 4));
        as(province).queryParam("from", "2014").queryParam("to", "2014").get("/api/v1/zones/" + zone + "/values")
                .then().body("series.indicator", contains("EMPLOYEES", "GDP", "SERV_VA", "TAX"));

        as(tokens().submitter("320000")).get("/api/v1/zones/" + zone + "/revisions").then().statusCode(403);
        as(tokens().submitter("320000")).get("/api/v1/zones/" + zone + "/values").then().statusCode(403);
    }

    @Test
    void lateSubmissionsAreAcceptedAndMarkedAndTimelinessCountsThemPerProvince() {
        String onTime = registerZone("ONTIME", "BECZ", "650000");
        String late = registerZone("LATE", "BECZ", "650000");
        String missing = registerZone("MISSING", "BECZ", "650000");
        as(tokens().admin()).body("""
                {"zone": "%s", "period": "2012", "receivedAt": "2013-03-31T15:59:00Z",
                 "values": [{"indicator": "GDP", "value": 10}, {"indicator": "TAX", "value": 1},
                            {"indicator": "EMPLOYEES", "value": 1}]}""".formatted(onTime))
                .post("/api/v1/submissions").then().statusCode(201).body("late", equalTo(false));
        as(tokens().submitter("650000")).body(submission(late, "2012", 10)).post("/api/v1/submissions")
                .then().statusCode(201).body("late", equalTo(true));
        // A correction after the deadline does not make an on-time zone late.
        as(tokens().submitter("650000")).body(submission(onTime, "2012", 11)).post("/api/v1/submissions")
                .then().statusCode(201).body("late", equalTo(true));

        as(tokens().analyst()).queryParam("period", "2012").get("/api/v1/timeliness")
                .then().statusCode(200)
                .body("deadline", equalTo("2013-03-31"))
                .body("provinces.find { it.province == '650000' }.missingZones", hasItem(missing))
                .body("provinces.find { it.province == '650000' }.missingZones", not(hasItem(late)));
        var xinjiang = as(tokens().submitter("650000")).queryParam("period", "2012").get("/api/v1/timeliness")
                .then().statusCode(200)
                .body("provinces.province", contains("650000"))
                .extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(xinjiang.getInt("provinces[0].counts.onTime")).isGreaterThanOrEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(xinjiang.getInt("provinces[0].counts.late")).isGreaterThanOrEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(xinjiang.getInt("provinces[0].counts.expected"))
                .isEqualTo(xinjiang.getInt("provinces[0].counts.submitted") + xinjiang.getInt("provinces[0].counts.missing"));
    }

    @Test
    void onlyAdminsMaySetReceivedAtAndNeverInTheFuture() {
        String zone = registerZone("BACKFILL", "ETDZ", "320000");
        String body = """
                {"zone": "%s", "period": "2012", "receivedAt": "%s",
                 "values": [{"indicator": "GDP", "value": 10}, {"indicator": "TAX", "value": 1},
                            {"indicator": "EMPLOYEES", "value": 1}]}""";
        as(tokens().submitter("320000")).body(body.formatted(zone, "2013-01-01T00:00:00Z")).post("/api/v1/submissions")
                .then().statusCode(422).body("violations.code", contains("not-allowed"));
        as(tokens().admin()).body(body.formatted(zone, "2999-01-01T00:00:00Z")).post("/api/v1/submissions")
                .then().statusCode(422).body("violations.code", contains("in-future"));
    }

    @Test
    void implausibleValuesAreAcceptedWithWarningsThatAreStored() {
        String zone = registerZone("JUMP", "ETDZ", "320000");
        String token = tokens().submitter("320000");
        as(token).body(submission(zone, "2010", 100)).post("/api/v1/submissions").then().statusCode(201)
                .body("warnings", equalTo(java.util.List.of()));
        int id = as(token).body(submission(zone, "2011", 200)).post("/api/v1/submissions").then().statusCode(201)
                .body("warnings.code", hasItem("large-change"))
                .body("warnings.find { it.code == 'large-change' }.field", equalTo("values[0].value"))
                .extract().path("id");
        as(tokens().analyst()).get("/api/v1/submissions/" + id).then()
                .body("warnings.code", hasItem("large-change"));
    }
}
