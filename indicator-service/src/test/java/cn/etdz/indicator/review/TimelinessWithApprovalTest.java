package cn.etdz.indicator.review;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Year;
import java.util.Map;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.submission;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timeliness counts approval, per province and zone. Each test has a province of its own, Hainan (460000) and Fujian
 * (350000), so the counts are exact.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class TimelinessWithApprovalTest {

    private static final String HAINAN = "460000";
    private static final String FUJIAN = "350000";

    private static void submit(String zone, String period) {
        as(tokens().admin()).body(submission(zone, period, 100)).post("/api/v1/submissions")
                .then().statusCode(201);
    }

    private static void decide(String zone, String period, String decision) {
        as(tokens().admin()).body("""
                        {"revision": 1, "decision": "%s", "comment": "审核 review"}""".formatted(decision))
                .post("/api/v1/reviews/returns/" + zone + "/" + period + "/decisions")
                .then().statusCode(200);
    }

    private static JsonPath timeliness(String province, String period) {
        return as(tokens().reviewer(province)).queryParam("period", period).get("/api/v1/timeliness")
                .then().statusCode(200).extract().jsonPath().setRootPath("provinces.find { it.province == '" + province + "' }");
    }

    @Test
    void approvedApprovedOnTimeAwaitingReviewReturnedAndMissingPerProvinceAndZone() {
        // this year's data is due next March: submitted and approved now, both are on time
        String period = String.valueOf(Year.now().getValue());
        String approved = registerZone("TA", "ETDZ", HAINAN);
        String returned = registerZone("TR", "ETDZ", HAINAN);
        String waiting = registerZone("TW", "ETDZ", HAINAN);
        String missing = registerZone("TM", "ETDZ", HAINAN);
        submit(approved, period);
        submit(returned, period);
        submit(waiting, period);
        decide(approved, period, "APPROVED");
        decide(returned, period, "RETURNED");

        JsonPath province = timeliness(HAINAN, period);
        assertThat(province.getMap("counts")).containsAllEntriesOf(Map.of("expected", 4, "submitted", 3, "onTime", 3,
                "late", 0, "missing", 1, "approved", 1, "approvedOnTime", 1, "awaitingReview", 1, "returned", 1));
        assertThat(province.getList("missingZones")).containsExactly(missing);
        String zone = "zones.find { it.zone == '%s' }.";
        assertThat(province.getString(zone.formatted(approved) + "reviewState")).isEqualTo("APPROVED");
        assertThat(province.getBoolean(zone.formatted(approved) + "approvedOnTime")).isTrue();
        assertThat(province.getString(zone.formatted(approved) + "approvedAt")).isNotBlank();
        assertThat(province.getString(zone.formatted(returned) + "reviewState")).isEqualTo("RETURNED");
        assertThat(province.getString(zone.formatted(waiting) + "reviewState")).isEqualTo("SUBMITTED");
        assertThat(province.getInt(zone.formatted(waiting) + "revision")).isEqualTo(1);
        assertThat(province.getBoolean(zone.formatted(missing) + "submitted")).isFalse();
        assertThat(province.getString(zone.formatted(missing) + "reviewState")).isNull();

        // a correction of the approved return waits for review again
        submit(approved, period);
        assertThat(timeliness(HAINAN, period).getMap("counts")).containsAllEntriesOf(Map.of("approved", 0, "approvedOnTime", 0,
                "awaitingReview", 2));
    }

    @Test
    void anApprovalAfterTheDeadlineIsApprovedButNotOnTime() {
        String zone = registerZone("TLATE", "ETDZ", FUJIAN);
        submit(zone, "2011"); // due by 31 March 2012, approved today
        decide(zone, "2011", "APPROVED");

        JsonPath province = timeliness(FUJIAN, "2011");
        assertThat(province.getMap("counts")).containsAllEntriesOf(Map.of("submitted", 1, "late", 1, "approved", 1,
                "approvedOnTime", 0, "awaitingReview", 0));
        assertThat(province.getBoolean("zones[0].approvedOnTime")).isFalse();
        assertThat(province.getBoolean("zones[0].late")).isTrue();
    }
}
