package cn.etdz.evaluation.reportcard;

import cn.etdz.evaluation.scores.Rankings;
import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A service whose font setting names a missing file starts, answers everything else, and says what is wrong. */
@QuarkusTest
@TestProfile(ReportCardWithoutFontTest.MissingFont.class)
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class ReportCardWithoutFontTest {

    private static final String MISSING = "/nonexistent/fonts/report-card.ttc";

    /** The setting pointing at a file that is not there. */
    public static class MissingFont implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(ReportCardFont.SETTING, MISSING);
        }
    }

    @Test
    void reportCardsAnswer503NamingTheSettingWhileRankingsStillWork() {
        given().header("Authorization", Rankings.analyst()).header("Accept-Language", "en")
                .queryParam("period", "2015").get("/api/v1/report-cards/ANY-ZONE")
                .then().statusCode(503).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Report cards unavailable"))
                .body("detail", containsString(ReportCardFont.SETTING)).body("detail", containsString(MISSING));
        given().header("Authorization", Rankings.analyst()).header("Accept-Language", "zh-CN")
                .queryParam("province", "320000").queryParam("period", "2015").get("/api/v1/report-cards")
                .then().statusCode(503).body("title", equalTo("报告卡暂不可用"));
        given().header("Authorization", Rankings.analyst()).get("/api/v1/scores/periods?zoneType=ETDZ")
                .then().statusCode(200);
    }
}
