package cn.etdz.evaluation.scores;

import cn.etdz.localstack.PlatformTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Flag rules travel with the methodology and the flags of a snapshot are stored with it: a new methodology version
 * with other rules flags only the snapshots written after it, and {@code asOf=} shows the flags as they were. Border
 * zones (the type whose methodology the tests change) in periods 2101–2104 of their own. Zones of other tests that
 * did not report in these periods are listed as NOT_REPORTED too, so the assertions name this test's zones.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class PublishedFlagsTest {

    private static EventFixtures events;

    @Inject
    AgroalDataSource database;

    @BeforeAll
    static void connect() {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        events = new EventFixtures();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private static String admin() {
        return "Bearer " + PlatformTestResource.tokens().admin();
    }

    private static String analyst() {
        return "Bearer " + PlatformTestResource.tokens().analyst();
    }

    /** The plan's border-zone methodology with these flag rules, posted as a new methodology or version. */
    private static String post(String id, Map<String, Object> flagRules) {
        Map<String, Object> methodology = new LinkedHashMap<>(given().header("Authorization", analyst())
                .get("/api/v1/methodologies/plan-2012-BECZ@1").then().statusCode(200).extract().jsonPath()
                .getMap("methodology"));
        methodology.put("id", id);
        methodology.remove("version");
        methodology.put("flagRules", flagRules);
        return given().header("Authorization", admin()).contentType(ContentType.JSON).body(methodology)
                .post("/api/v1/methodologies").then().statusCode(201).extract().jsonPath().getString("key");
    }

    /** The flags of the period's border zones, by zone, as {@code /api/v1/flags} lists them. */
    private static Map<String, List<String>> flags(String period, String asOf) {
        JsonPath flagged = given().header("Authorization", analyst())
                .get("/api/v1/flags?period=" + period + "&zoneType=BECZ" + (asOf == null ? "" : "&asOf=" + asOf))
                .then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> byZone = new HashMap<>();
        for (Map<String, Object> item : flagged.<Map<String, Object>>getList("")) {
            @SuppressWarnings("unchecked")
            List<String> zoneFlags = (List<String>) item.get("flags");
            byZone.put((String) item.get("zone"), zoneFlags);
        }
        return byZone;
    }

    /** A complete border-zone data set (without border trade and port throughput a border zone is not ranked). */
    private static Map<String, Double> borderValues(double q) {
        Map<String, Double> values = new HashMap<>(EventFixtures.fullValues(q));
        values.put("BORDER_TRADE", 3 * q);
        values.put("PORT_THROUGHPUT", 4 * q);
        return values;
    }

    private void awaitRegistered(List<String> zones) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Connection connection = database.getConnection();
                 PreparedStatement query = connection.prepareStatement(
                         "select count(*) from zone where code = any (?)")) {
                query.setArray(1, connection.createArrayOf("varchar", zones.toArray()));
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return result.getInt(1) == zones.size();
                }
            }
        });
    }

    @Test
    void aSnapshotKeepsItsFlagsWhenANewVersionChangesTheRulesAndAsOfShowsThem() throws Exception {
        List<String> reporting = List.of(EventFixtures.code("PF-A"), EventFixtures.code("PF-B"),
                EventFixtures.code("PF-C"));
        String silent = EventFixtures.code("PF-SILENT");
        for (String zone : List.of(reporting.get(0), reporting.get(1), reporting.get(2), silent)) {
            events.zone(zone, "BECZ", "650000", "WEST");
        }
        awaitRegistered(List.of(reporting.get(0), reporting.get(1), reporting.get(2), silent));
        String id = "flags-becz-" + UUID.randomUUID().toString().substring(0, 6);
        // bottom 1 of the type nationally; zones without a rank take no bottom place
        String first = post(id, Map.of("preset", "MOFCOM_2016", "bottomN", 1, "notReportedCountsAsBottom", false));
        given().header("Authorization", analyst()).get("/api/v1/methodologies/" + first).then().statusCode(200)
                .body("methodology.flagRules.preset", equalTo(null))
                .body("methodology.flagRules.peerScope", equalTo("NATIONAL"))
                .body("methodology.flagRules.bottomN", equalTo(1))
                .body("methodology.flagRules.exitCandidate.places", equalTo(2))
                .body("methodology.flagRules.exitCandidate.periods", equalTo(2));

        for (int i = 0; i < 3; i++) {
            events.submission(reporting.get(i), "2101", 1, borderValues(8 - 2 * i));
        }
        JsonPath published = Rankings.awaitRanking("2101", "BECZ", json -> json.getInt("total") == 3
                && json.getInt("snapshot.rankedCount") == 3 && first.equals(json.getString("snapshot.methodology")));
        String publishedAt = published.getString("snapshot.computedAt");
        // national ranks 1, 2, 3
        assertThat(published.getList("items.nationalRank", Integer.class)).containsExactly(1, 2, 3);
        String top = published.getString("items[0].zone");
        String middle = published.getString("items[1].zone");
        String low = published.getString("items[2].zone");

        Map<String, List<String>> asPublished = flags("2101", null);
        assertThat(asPublished.get(low)).containsExactly("WARNING");
        assertThat(asPublished.get(middle)).isNull();
        assertThat(asPublished.get(silent)).containsExactly("NOT_REPORTED");
        given().header("Authorization", analyst()).get("/api/v1/flags?period=2101&zoneType=BECZ").then()
                .body("find { it.zone == '" + silent + "' }.composite", equalTo(null))
                .body("find { it.zone == '" + silent + "' }.ranked", equalTo(false))
                .body("find { it.zone == '" + silent + "' }.revision", equalTo(0))
                .body("find { it.zone == '" + silent + "' }.methodology", equalTo(first));

        // a new version counts the bottom two: the period is scored again, with the new rules
        String second = post(id, Map.of("peerScope", "NATIONAL", "bottomN", 2));
        Rankings.awaitRanking("2101", "BECZ", json -> second.equals(json.getString("snapshot.methodology")));
        Map<String, List<String>> rescored = flags("2101", null);
        assertThat(rescored.get(middle)).containsExactly("WARNING");
        assertThat(rescored.get(low)).containsExactly("WARNING");

        // the published snapshot's flags are those it was written with, wherever flags are shown
        Map<String, List<String>> asOf = flags("2101", publishedAt);
        assertThat(asOf.get(low)).containsExactly("WARNING");
        assertThat(asOf.get(middle)).isNull();
        assertThat(asOf.get(silent)).containsExactly("NOT_REPORTED");
        given().header("Authorization", analyst()).get("/api/v1/scores/" + middle + "/2101?asOf=" + publishedAt)
                .then().statusCode(200).body("flags", org.hamcrest.Matchers.empty()).body("methodology", equalTo(first));
        given().header("Authorization", analyst()).get("/api/v1/scores/" + middle + "/2101")
                .then().statusCode(200).body("flags", org.hamcrest.Matchers.contains("WARNING"));
        given().header("Authorization", analyst())
                .get("/api/v1/scores?period=2101&zoneType=BECZ&asOf=" + publishedAt).then().statusCode(200)
                .body("items.find { it.zone == '" + low + "' }.flags", org.hamcrest.Matchers.contains("WARNING"))
                .body("items.find { it.zone == '" + middle + "' }.flags", org.hamcrest.Matchers.empty());

        // MOFCOM 2021 counts a zone that sent nothing as a bottom place: the silent zone is warned, and having sent
        // nothing for 2101 too (stored with that period's snapshot), it is an exit candidate in 2102
        String third = post(id, Map.of("preset", "MOFCOM_2021"));
        given().header("Authorization", analyst()).get("/api/v1/methodologies/" + third).then()
                .body("methodology.flagRules.preset", equalTo("MOFCOM_2021"))
                .body("methodology.flagRules.notReportedCountsAsBottom", equalTo(true));
        Rankings.awaitRanking("2101", "BECZ", json -> third.equals(json.getString("snapshot.methodology")));
        for (String zone : List.of(top, middle, low)) {
            events.submission(zone, "2102", 1, borderValues(zone.equals(top) ? 8 : 5));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(flags("2102", null).get(silent)).containsExactly("WARNING", "EXIT_CANDIDATE", "NOT_REPORTED"));
        assertThat(flags("2101", publishedAt).get(silent)).containsExactly("NOT_REPORTED");

        // the plan's rules again, for the other tests of border zones
        post(id, Map.of("preset", "PLAN_2012"));
    }

    @Test
    void badFlagRulesAreRejectedWithEveryProblemAndNothingIsStored() throws SQLException {
        long before = methodologies();
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("preset", "MOFCOM_2030");
        rules.put("peerScope", "GALAXY");
        rules.put("bottomN", 0);
        rules.put("warning", Map.of("places", 3, "periods", 2));
        rules.put("exitCandidate", Map.of("places", 1, "periods", 4));
        rules.put("topShare", 1.5);
        rules.put("expansionPeriods", 0);
        Map<String, Object> methodology = new LinkedHashMap<>(given().header("Authorization", analyst())
                .get("/api/v1/methodologies/plan-2012-BECZ@1").then().statusCode(200).extract().jsonPath()
                .getMap("methodology"));
        methodology.put("id", "bad-flags-becz");
        methodology.remove("version");
        methodology.put("flagRules", rules);

        JsonPath problem = given().header("Authorization", admin()).header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON).body(methodology).post("/api/v1/methodologies")
                .then().statusCode(422).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("violations.field", String.class)).containsExactlyInAnyOrder(
                "flagRules.preset", "flagRules.peerScope", "flagRules.bottomN", "flagRules.warning.places",
                "flagRules.exitCandidate.periods", "flagRules.topShare", "flagRules.expansionPeriods");
        assertThat(problem.getString("violations.find { it.field == 'flagRules.topShare' }.message"))
                .contains("topShare", "不超过 1");
        assertThat(methodologies()).isEqualTo(before);

        // simulate checks the same rules
        given().header("Authorization", analyst()).contentType(ContentType.JSON)
                .body(Map.of("methodology", methodology, "zones", List.of()))
                .post("/api/v1/evaluations/simulate").then().statusCode(422)
                .body("violations.field", hasItems("methodology.flagRules.bottomN", "methodology.flagRules.topShare"));
    }

    private long methodologies() throws SQLException {
        try (Connection connection = database.getConnection();
             ResultSet result = connection.createStatement().executeQuery("select count(*) from methodology")) {
            result.next();
            return result.getLong(1);
        }
    }
}
