package cn.etdz.evaluation.scores;

import cn.etdz.localstack.PlatformTestResource;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Reading the ranking the way ministry apps do, for tests that wait for the pipeline to produce it. */
public final class Rankings {

    private Rankings() {
    }

    public static String analyst() {
        return "Bearer " + PlatformTestResource.tokens().analyst();
    }

    /** The newest ranking of a zone type and period; {@code extra} is appended to the query (paging, filters). */
    public static JsonPath ranking(String period, String zoneType, String extra) {
        return given().header("Authorization", analyst())
                .get("/api/v1/scores?period=" + period + "&zoneType=" + zoneType + extra)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits up to 30 s until the newest ranking exists and satisfies {@code until}, and returns it. */
    public static JsonPath awaitRanking(String period, String zoneType, Predicate<JsonPath> until) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().header("Authorization", analyst())
                    .get("/api/v1/scores?period=" + period + "&zoneType=" + zoneType);
            return response.statusCode() == 200 && until.test(response.jsonPath());
        });
        return ranking(period, zoneType, "");
    }
}
