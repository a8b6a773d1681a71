package cn.etdz.evaluation.scores;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The official and the preliminary basis on the real broker and database: submissions, review decisions
 * ({@code reviews.v1}) and period states ({@code periods.v1}) in, rankings of both bases, publication and restatements
 * out. Each test uses its own period (2121–2135), so the peer groups of different tests never mix.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class OfficialBasisTest {

    private static EventFixtures events;

    @BeforeAll
    static void connect() {
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        events = new EventFixtures();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private static String analyst() {
        return "Bearer " + PlatformTestResource.tokens().analyst();
    }

    private static String submitter(String province) {
        return "Bearer " + PlatformTestResource.tokens().submitter(province);
    }

    /** Waits up to a minute until the analyst's ranking of the basis satisfies {@code until}, and returns it. */
    private static JsonPath awaitRanking(String period, String basis, Predicate<JsonPath> until) {
        // a minute: the first test of the class also waits for the consumer's first assignment on a busy machine
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().header("Authorization", analyst())
                    .get("/api/v1/scores?period=" + period + "&zoneType=ETDZ&basis=" + basis);
            return response.statusCode() == 200 && until.test(response.jsonPath());
        });
        return ranking(analyst(), period, "&basis=" + basis);
    }

    private static JsonPath ranking(String token, String period, String extra) {
        return given().header("Authorization", token).get("/api/v1/scores?period=" + period + "&zoneType=ETDZ" + extra)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> zones(JsonPath ranking) {
        return ranking.getList("items.zone", String.class);
    }

    private static int ranked(JsonPath ranking) {
        return ranking.getInt("snapshot.rankedCount");
    }

    private static double number(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).doubleValue();
    }

    @Test
    void theOfficialRankingIgnoresAnUnapprovedRevisionAndChangesWhenItIsApproved() throws Exception {
        String best = EventFixtures.code("OFF-A");
        String middle = EventFixtures.code("OFF-B");
        String unapproved = EventFixtures.code("OFF-C");
        for (String zone : List.of(best, middle, unapproved)) {
            events.zone(zone, "ETDZ", "320000", "EAST");
        }
        events.submission(best, "2121", 1, EventFixtures.fullValues(8));
        events.submission(middle, "2121", 1, EventFixtures.fullValues(4));
        events.submission(unapproved, "2121", 1, EventFixtures.fullValues(12));
        events.review(best, "2121", 1, "APPROVED");
        events.review(middle, "2121", 1, "APPROVED");

        JsonPath preliminary = awaitRanking("2121", "preliminary", json -> ranked(json) == 3);
        assertThat(zones(preliminary)).containsExactly(unapproved, best, middle);
        assertThat(preliminary.getString("snapshot.basis")).isEqualTo("preliminary");
        assertThat(preliminary.getList("items.basis", String.class)).containsOnly("preliminary");

        JsonPath official = awaitRanking("2121", "official", json -> ranked(json) == 2);
        assertThat(zones(official)).containsExactly(best, middle, unapproved);
        assertThat(official.getList("items.nationalRank", Integer.class)).containsExactly(1, 2, null);
        assertThat(official.getString("snapshot.basis")).isEqualTo("official");
        assertThat(official.getList("items.basis", String.class)).containsOnly("official");
        // not reported: in the table, unranked, no revision and no scores
        assertThat(official.getBoolean("items[2].ranked")).isFalse();
        assertThat(official.getInt("items[2].revision")).isZero();
        assertThat(official.getList("items[2].flags", String.class)).contains("UNRANKED");
        assertThat(official.getDouble("items[2].coverage")).isZero();
        // normalised against the approved zones only: the best approved zone's score is not pulled down by the
        // unapproved one's better values
        assertThat(official.getDouble("items[0].composite")).isGreaterThan(preliminary.getDouble("items[1].composite"));

        events.review(unapproved, "2121", 1, "APPROVED");
        JsonPath approved = awaitRanking("2121", "official", json -> ranked(json) == 3);
        assertThat(zones(approved)).containsExactly(unapproved, best, middle);
        assertThat(approved.getList("items.revision", Integer.class)).containsExactly(1, 1, 1);
    }

    @Test
    void aNewerUnapprovedRevisionLeavesTheOfficialRankingOnTheApprovedOne() throws Exception {
        String leader = EventFixtures.code("NEW-A");
        String corrected = EventFixtures.code("NEW-B");
        events.zone(leader, "ETDZ", "320000", "EAST");
        events.zone(corrected, "ETDZ", "330000", "EAST");
        events.submission(leader, "2122", 1, EventFixtures.fullValues(8));
        events.submission(corrected, "2122", 1, EventFixtures.fullValues(4));
        events.review(leader, "2122", 1, "APPROVED");
        events.review(corrected, "2122", 1, "APPROVED");
        awaitRanking("2122", "official", json -> ranked(json) == 2);

        events.submission(corrected, "2122", 2, EventFixtures.fullValues(12));
        JsonPath preliminary = awaitRanking("2122", "preliminary",
                json -> zones(json).equals(List.of(corrected, leader)));
        assertThat(preliminary.getList("items.revision", Integer.class)).containsExactly(2, 1);
        JsonPath official = ranking(analyst(), "2122", "&basis=official");
        assertThat(zones(official)).containsExactly(leader, corrected);
        assertThat(official.getList("items.revision", Integer.class)).containsExactly(1, 1);

        events.review(corrected, "2122", 2, "APPROVED");
        JsonPath approved = awaitRanking("2122", "official", json -> zones(json).equals(List.of(corrected, leader)));
        assertThat(approved.getList("items.revision", Integer.class)).containsExactly(2, 1);

        // a third revision returned for correction: the approved second one stays official
        events.submission(corrected, "2122", 3, EventFixtures.fullValues(1));
        events.review(corrected, "2122", 3, "RETURNED");
        awaitRanking("2122", "preliminary", json -> zones(json).equals(List.of(leader, corrected)));
        JsonPath stillOfficial = ranking(analyst(), "2122", "&basis=official");
        assertThat(zones(stillOfficial)).containsExactly(corrected, leader);
        assertThat(stillOfficial.getList("items.revision", Integer.class)).containsExactly(2, 1);
        assertThat(stillOfficial.getLong("snapshot.id")).isEqualTo(approved.getLong("snapshot.id"));
    }

    @Test
    void anApprovalThatArrivesBeforeItsValuesCountsOnceTheyArrive() throws Exception {
        String early = EventFixtures.code("EARLY-A");
        String other = EventFixtures.code("EARLY-B");
        events.zone(early, "ETDZ", "320000", "EAST");
        events.zone(other, "ETDZ", "320000", "EAST");
        events.review(early, "2123", 1, "APPROVED");
        events.submission(other, "2123", 1, EventFixtures.fullValues(9));
        events.submission(early, "2123", 1, EventFixtures.fullValues(5));

        JsonPath official = awaitRanking("2123", "official", json -> ranked(json) == 1 && zones(json).size() == 2);
        assertThat(zones(official)).containsExactly(early, other);
        assertThat(official.getList("items.revision", Integer.class)).containsExactly(1, 0);
        // the explanation of a zone not reported names no source revision of the period
        JsonPath explanation = given().header("Authorization", analyst())
                .get("/api/v1/scores/" + other + "/2123/explanation?basis=official")
                .then().statusCode(200).extract().jsonPath();
        assertThat(explanation.getList("sourceRevisions")).isEmpty();
        assertThat(explanation.getString("score.basis")).isEqualTo("official");
    }

    @Test
    void theDefaultBasisIsPreliminaryForTheMinistryAndOfficialForProvinces() throws Exception {
        String own = EventFixtures.code("ROLE-A");
        String foreign = EventFixtures.code("ROLE-B");
        events.zone(own, "ETDZ", "320000", "EAST");
        events.zone(foreign, "ETDZ", "510000", "WEST");
        events.submission(own, "2124", 1, EventFixtures.fullValues(4));
        events.submission(foreign, "2124", 1, EventFixtures.fullValues(8));
        events.review(own, "2124", 1, "APPROVED");
        awaitRanking("2124", "preliminary", json -> ranked(json) == 2);
        awaitRanking("2124", "official", json -> ranked(json) == 1);

        JsonPath ministry = ranking(analyst(), "2124", "");
        assertThat(ministry.getString("snapshot.basis")).isEqualTo("preliminary");
        assertThat(zones(ministry)).containsExactly(foreign, own);

        String jiangsu = submitter("320000");
        JsonPath province = ranking(jiangsu, "2124", "");
        assertThat(province.getString("snapshot.basis")).isEqualTo("official");
        assertThat(zones(province)).containsExactly(own, foreign);
        assertThat(province.getList("items.ranked", Boolean.class)).containsExactly(true, false);

        // preliminary for a province: its own zones only, ranked within the whole peer group
        JsonPath ownPreliminary = ranking(jiangsu, "2124", "&basis=preliminary");
        assertThat(zones(ownPreliminary)).containsExactly(own);
        assertThat(ownPreliminary.getInt("items[0].nationalRank")).isEqualTo(2);
        assertThat(ranking(jiangsu, "2124", "&basis=preliminary&province=510000").getList("items")).isEmpty();
        given().header("Authorization", jiangsu).get("/api/v1/scores/" + foreign + "/2124?basis=preliminary")
                .then().statusCode(403);
        given().header("Authorization", jiangsu).get("/api/v1/scores/" + foreign + "?basis=preliminary")
                .then().statusCode(403);
        assertThat(given().header("Authorization", jiangsu).get("/api/v1/scores/" + foreign + "/2124")
                .then().statusCode(200).extract().jsonPath().getString("basis")).isEqualTo("official");
        assertThat(given().header("Authorization", jiangsu).get("/api/v1/flags?period=2124&zoneType=ETDZ&basis=preliminary")
                .then().statusCode(200).extract().jsonPath().getList("zone", String.class)).doesNotContain(foreign);
        // the export keeps the same rule
        assertThat(given().header("Authorization", jiangsu)
                .get("/api/v1/exports/rankings?period=2124&zoneType=ETDZ&format=json&basis=preliminary")
                .then().statusCode(200).extract().jsonPath().getList("zone", String.class)).containsExactly(own);

        var bad = given().header("Authorization", analyst()).get("/api/v1/scores?period=2124&zoneType=ETDZ&basis=final")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(bad.getList("violations.field", String.class)).contains("basis");
    }

    @Test
    void aClosedPeriodsOfficialRankingIsPublishedAndACorrectionAfterwardsRestatesIt() throws Exception {
        String first = EventFixtures.code("PUB-A");
        String second = EventFixtures.code("PUB-B");
        events.zone(first, "ETDZ", "320000", "EAST");
        events.zone(second, "ETDZ", "320000", "EAST");
        events.submission(first, "2125", 1, EventFixtures.fullValues(8));
        events.submission(second, "2125", 1, EventFixtures.fullValues(4));
        events.review(first, "2125", 1, "APPROVED");
        events.review(second, "2125", 1, "APPROVED");
        awaitRanking("2125", "official", json -> ranked(json) == 2);

        events.period("2125", "CLOSED");
        JsonPath published = awaitRanking("2125", "official", json -> json.get("snapshot.publishedAt") != null);
        long publishedId = published.getLong("snapshot.id");
        String publishedAt = published.getString("snapshot.computedAt");
        assertThat(published.getString("items[0].publishedAt")).isNotNull();
        assertThat(published.getString("snapshot.restatementOf")).isNull();
        // the preliminary ranking is never published
        assertThat(ranking(analyst(), "2125", "&basis=preliminary").getString("snapshot.publishedAt")).isNull();

        events.period("2125", "REOPENED");
        events.submission(second, "2125", 2, EventFixtures.fullValues(12));
        events.review(second, "2125", 2, "APPROVED");
        JsonPath restated = awaitRanking("2125", "official", json -> zones(json).equals(List.of(second, first)));
        assertThat(restated.getLong("snapshot.restatementOf")).isEqualTo(publishedId);
        assertThat(restated.getString("snapshot.publishedAt")).isNull();
        assertThat(restated.getLong("items[0].restatementOf")).isEqualTo(publishedId);

        // the published ranking stays readable as it was
        JsonPath asPublished = ranking(analyst(), "2125", "&basis=official&asOf=" + publishedAt.replace("+", "%2B"));
        assertThat(asPublished.getLong("snapshot.id")).isEqualTo(publishedId);
        assertThat(zones(asPublished)).containsExactly(first, second);

        JsonPath restatements = given().header("Authorization", submitter("320000"))
                .get("/api/v1/restatements?period=2125&zoneType=ETDZ").then().statusCode(200).extract().jsonPath();
        assertThat(restatements.getList("restatements")).hasSize(1);
        assertThat(restatements.getLong("restatements[0].restates.id")).isEqualTo(publishedId);
        assertThat(restatements.getLong("restatements[0].snapshot.id")).isEqualTo(restated.getLong("snapshot.id"));
        List<Map<String, Object>> changes = restatements.getList("restatements[0].changes");
        assertThat(changes).extracting(change -> change.get("zone")).containsExactlyInAnyOrder(first, second);
        Map<String, Object> moved = changes.stream().filter(change -> second.equals(change.get("zone"))).findFirst()
                .orElseThrow();
        assertThat(number(moved, "nationalRankBefore")).isEqualTo(2);
        assertThat(number(moved, "nationalRankAfter")).isEqualTo(1);
        assertThat(number(moved, "revisionBefore")).isEqualTo(1);
        assertThat(number(moved, "revisionAfter")).isEqualTo(2);
        assertThat(number(moved, "compositeAfter")).isGreaterThan(number(moved, "compositeBefore"));

        // closing again publishes the restatement
        events.period("2125", "CLOSED");
        JsonPath republished = awaitRanking("2125", "official", json -> json.get("snapshot.publishedAt") != null);
        assertThat(republished.getLong("snapshot.id")).isEqualTo(restated.getLong("snapshot.id"));
        assertThat(republished.getLong("snapshot.restatementOf")).isEqualTo(publishedId);
    }
}
