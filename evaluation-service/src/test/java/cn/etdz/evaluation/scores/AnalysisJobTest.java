package cn.etdz.evaluation.scores;

import cn.etdz.common.events.EventTypes;
import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

/**
 * Analyses as jobs on the real database and pipeline: a stored peer group scored from events is analysed to DONE,
 * its result kept with the snapshot's id; a long what-if analysis shows progress and is cancelled; the number of
 * active jobs and N are bounded; only analysts and administrators may start or read one.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class AnalysisJobTest {

    private static final String PERIOD = "2091";
    private static final List<String> ZONES = new ArrayList<>();
    private static boolean scored;
    private static EventFixtures events;

    @BeforeAll
    static void connect() {
        events = new EventFixtures();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    /** Once for the class, but in a test's context: REST Assured knows the application's port only there. */
    @BeforeEach
    void scorePeerGroup() throws Exception {
        if (scored) {
            return;
        }
        for (int i = ZONES.size(); i < 8; i++) {
            String zone = EventFixtures.code("ANALYSED-" + i);
            ZONES.add(zone);
            events.raw("zones.v1", zone, EventTypes.ZONE_CHANGED, """
                    {"code": "%s", "name": "分析开发区%d", "nameEn": null, "type": "ETDZ", "province": "320000",
                     "region": "%s", "approvedOn": "2000-01-01", "status": "ACTIVE", "developedAreaKm2": 10.0}"""
                    .formatted(zone, i, i % 2 == 0 ? "EAST" : "WEST"));
            Map<String, Double> values = EventFixtures.fullValues(2 + i);
            // a zone good at some things and poor at others, so that choices move ranks
            values.put("GDP", 100.0 * (10 - i));
            events.submission(zone, PERIOD, 1, values);
        }
        // longer than Rankings.awaitRanking: the analyses of the other tests may share the cores with this scoring
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response ranking = analyst().get("/api/v1/scores?period=" + PERIOD + "&zoneType=ETDZ");
            return ranking.statusCode() == 200 && ranking.jsonPath().getInt("snapshot.rankedCount") == ZONES.size();
        });
        scored = true;
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static RequestSpecification analyst() {
        return as(PlatformTestResource.tokens().analyst());
    }

    private static Map<String, Object> stored(String kind, int replications, Map<String, Object> inputs) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", kind);
        request.put("zoneType", "ETDZ");
        request.put("period", PERIOD);
        request.put("inputs", inputs);
        request.put("replications", replications);
        request.put("seed", 11);
        return request;
    }

    private static JsonPath awaitDone(String location) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> !List.of("QUEUED", "RUNNING").contains(analyst().get(location).jsonPath().getString("state")));
        return analyst().get(location).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anUncertaintyAnalysisOfAStoredPeerGroupRunsToDoneAndIsKeptWithItsSnapshot() {
        JsonPath ranking = Rankings.ranking(PERIOD, "ETDZ", "&size=50");
        Map<String, Object> inputs = Map.of("pillarWeightNoise", 0.25, "indicatorWeightNoise", 0.25,
                "compositeAggregations", List.of("ARITHMETIC", "GEOMETRIC"));

        Response started = analyst().body(stored("UNCERTAINTY", 300, inputs)).post("/api/v1/analyses");

        started.then().statusCode(202);
        String location = started.header("Location");
        assertThat(location).endsWith("/api/v1/analyses/" + started.jsonPath().getLong("id"));
        assertThat(started.jsonPath().getString("state")).isIn("QUEUED", "RUNNING", "DONE");
        JsonPath done = awaitDone(location);
        assertThat(done.getString("state")).isEqualTo("DONE");
        assertThat(done.getInt("progress")).isEqualTo(100);
        assertThat(done.getLong("snapshotId")).isEqualTo(ranking.getLong("snapshot.id"));
        assertThat(done.getString("methodology")).isEqualTo("plan-2012-ETDZ@1");
        assertThat(done.getList("uncertainty.zones.zone", String.class)).containsExactlyInAnyOrderElementsOf(ZONES);
        assertThat(done.getList("uncertainty.inputs", String.class))
                .containsExactly("PILLAR_WEIGHTS", "INDICATOR_WEIGHTS", "COMPOSITE_AGGREGATION");
        for (String zone : ZONES) {
            int nominal = done.getInt("uncertainty.zones.find { it.zone == '" + zone + "' }.nationalRank.nominal");
            assertThat(nominal).isEqualTo(ranking.getInt("items.find { it.zone == '" + zone + "' }.nationalRank"));
            float p5 = done.getFloat("uncertainty.zones.find { it.zone == '" + zone + "' }.nationalRank.p5");
            float p95 = done.getFloat("uncertainty.zones.find { it.zone == '" + zone + "' }.nationalRank.p95");
            assertThat(p5).isBetween(1f, p95);
            assertThat(p95).isLessThanOrEqualTo(ZONES.size());
        }
        assertThat(done.getList("uncertainty.zones.flagProbabilities.WARNING", Float.class)).allSatisfy(p ->
                assertThat(p).isBetween(0f, 1f));

        // the same seed gives the same result
        String again = analyst().body(stored("UNCERTAINTY", 300, inputs)).post("/api/v1/analyses").header("Location");
        assertThat(awaitDone(again).getMap("uncertainty")).isEqualTo(done.getMap("uncertainty"));
    }

    @Test
    void aSensitivityAnalysisGivesIndicesWithIntervalsForEachInput() {
        Map<String, Object> inputs = Map.of("pillarWeightNoise", 0.25, "normalisations", List.of("MINMAX", "RANK"),
                "compositeAggregations", List.of("ARITHMETIC", "GEOMETRIC"));

        String location = analyst().body(stored("SENSITIVITY", 100, inputs)).post("/api/v1/analyses")
                .then().statusCode(202).extract().header("Location");

        JsonPath done = awaitDone(location);
        assertThat(done.getString("state")).isEqualTo("DONE");
        assertThat(done.getInt("sensitivity.evaluations")).isEqualTo(100 * 5);
        assertThat(done.getList("sensitivity.meanAbsoluteRankShift.inputs.input", String.class))
                .containsExactly("PILLAR_WEIGHTS", "NORMALISATION", "COMPOSITE_AGGREGATION");
        List<Float> totals = done.getList("sensitivity.meanAbsoluteRankShift.inputs.total.estimate", Float.class);
        List<Float> lows = done.getList("sensitivity.meanAbsoluteRankShift.inputs.total.low", Float.class);
        List<Float> highs = done.getList("sensitivity.meanAbsoluteRankShift.inputs.total.high", Float.class);
        for (int i = 0; i < totals.size(); i++) {
            assertThat(totals.get(i)).isBetween(lows.get(i), highs.get(i));
        }
        assertThat(done.getList("sensitivity.zones.zone", String.class)).containsExactlyInAnyOrderElementsOf(ZONES);
    }

    @Test
    void aLongAnalysisShowsProgressAndIsCancelledAndActiveJobsAreBounded() {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Map<String, String>> zones = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String code = "WHATIF-" + i;
            zones.add(Map.of("code", code, "type", "ETDZ", "region", i % 3 == 0 ? "EAST" : "WEST"));
            Map<String, Double> zoneValues = EventFixtures.fullValues(1 + (i * 7919 % 19));
            zoneValues.put("GDP", 50.0 + i);
            values.put(code, zoneValues);
        }
        Map<String, Object> request = Map.of("kind", "SENSITIVITY",
                "simulation", Map.of("methodologyKey", "plan-2012-ETDZ@1", "zones", zones, "values", values),
                "inputs", Map.of("pillarWeightNoise", 0.2, "indicatorWeightNoise", 0.2, "leaveOneOut", true,
                        "pillarAggregations", List.of("ARITHMETIC", "GEOMETRIC")),
                "replications", 8_000, "seed", 3);

        String first = analyst().body(request).post("/api/v1/analyses").then().statusCode(202)
                .extract().header("Location");
        String second = analyst().body(request).post("/api/v1/analyses").then().statusCode(202)
                .extract().header("Location");
        analyst().body(request).post("/api/v1/analyses").then().statusCode(429)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("2"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> analyst().get(first).jsonPath().getInt("progress") > 0);
        JsonPath cancelled = analyst().delete(first).then().statusCode(200).extract().jsonPath();
        analyst().delete(second).then().statusCode(200);

        assertThat(cancelled.getString("state")).isEqualTo("CANCELLED");
        assertThat(cancelled.getInt("progress")).isBetween(1, 99);
        assertThat(cancelled.getString("period")).isNull();
        assertThat(cancelled.getObject("snapshotId", Long.class)).isNull();
        analyst().delete(first).then().statusCode(409).contentType("application/problem+json");
        // the freed places take new jobs at once
        String third = analyst().body(request).post("/api/v1/analyses").then().statusCode(202)
                .extract().header("Location");
        analyst().delete(third).then().statusCode(200);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> analyst().get(first).jsonPath().getString("state").equals("CANCELLED"));
        assertThat(analyst().get(first).jsonPath().getMap("sensitivity")).isNull();
    }

    @Test
    void badRequestsAreRefusedWithEveryProblem() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "FORECAST");
        request.put("zoneType", "ETDZ");
        request.put("period", "last year");
        request.put("replications", 0);
        request.put("inputs", Map.of("pillarWeightNoise", 1.5, "normalisations", List.of("GOALPOST")));

        analyst().body(request).post("/api/v1/analyses").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("kind", "period", "replications", "inputs.pillarWeightNoise",
                        "inputs.normalisations[0]"));
        // 10 000 rows × (6 inputs + 2) = 80 000 evaluations, over the limit of 50 000
        analyst().body(stored("SENSITIVITY", 10_000, Map.of("pillarWeightNoise", 0.1, "indicatorWeightNoise", 0.1,
                        "leaveOneOut", true, "normalisations", List.of("RANK"), "pillarAggregations", List.of("GEOMETRIC"),
                        "compositeAggregations", List.of("GEOMETRIC")))).post("/api/v1/analyses")
                .then().statusCode(400).body("violations[0].code", org.hamcrest.Matchers.equalTo("too-many-evaluations"));
        analyst().body(stored("UNCERTAINTY", 10, Map.of())).post("/api/v1/analyses")
                .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("inputs"));
        Map<String, Object> unscored = stored("UNCERTAINTY", 10, Map.of("pillarWeightNoise", 0.1));
        unscored.put("period", "1999");
        analyst().body(unscored).post("/api/v1/analyses").then().statusCode(404);
        analyst().get("/api/v1/analyses/987654321").then().statusCode(404);
    }

    @Test
    void onlyAnalystsAndAdministratorsMayStartOrReadAnalyses() {
        Map<String, Object> request = stored("UNCERTAINTY", 20, Map.of("pillarWeightNoise", 0.1));
        as(PlatformTestResource.tokens().submitter("320000")).body(request).post("/api/v1/analyses")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(request).post("/api/v1/analyses").then().statusCode(401);
        String location = as(PlatformTestResource.tokens().admin()).body(request).post("/api/v1/analyses")
                .then().statusCode(202).extract().header("Location");
        as(PlatformTestResource.tokens().submitter("320000")).get(location).then().statusCode(403);
        assertThat(awaitDone(location).getString("state")).isEqualTo("DONE");
    }

    @Test
    void imputationAlternativesAreAnInputAndAPeerGroupsAnalysesAreListedNewestFirst() {
        Map<String, Object> bad = stored("UNCERTAINTY", 10, Map.of("imputations", List.of("PEER_MEDIAN", "MEAN")));
        analyst().body(bad).post("/api/v1/analyses").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.contains("inputs.imputations[1]"));

        Map<String, Object> inputs = Map.of("pillarWeightNoise", 0.1, "imputations", List.of("NONE", "PEER_MEDIAN"));
        Response started = analyst().body(stored("UNCERTAINTY", 20, inputs)).post("/api/v1/analyses");
        started.then().statusCode(202);
        long id = started.jsonPath().getLong("id");
        JsonPath done = awaitDone(started.header("Location"));
        assertThat(done.getString("state")).isEqualTo("DONE");
        assertThat(done.getList("inputs.imputations", String.class)).containsExactly("NONE", "PEER_MEDIAN");
        assertThat(done.getList("uncertainty.inputs", String.class)).containsExactly("PILLAR_WEIGHTS", "IMPUTATION");

        JsonPath listed = analyst().get("/api/v1/analyses?zoneType=ETDZ&period=" + PERIOD).then().statusCode(200)
                .extract().jsonPath();
        List<Long> ids = listed.getList("analyses.id", Long.class);
        assertThat(ids).first().isEqualTo(id);
        assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(listed.getString("analyses[0].state")).isEqualTo("DONE");
        assertThat(listed.getLong("analyses[0].snapshotId")).isEqualTo(done.getLong("snapshotId"));
        assertThat(listed.getList("analyses[0].inputs.imputations", String.class)).containsExactly("NONE", "PEER_MEDIAN");
        assertThat(listed.getMap("analyses[0]")).doesNotContainKey("uncertainty");
        assertThat(analyst().get("/api/v1/analyses?zoneType=ETDZ&period=" + PERIOD + "&kind=SENSITIVITY").jsonPath()
                .getList("analyses.kind", String.class)).doesNotContain("UNCERTAINTY");
        assertThat(analyst().get("/api/v1/analyses?zoneType=BECZ&period=" + PERIOD).jsonPath()
                .getList("analyses")).isEmpty();
        analyst().get("/api/v1/analyses?zoneType=ETDZ&period=" + PERIOD + "&kind=FORECAST").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("kind"));
        analyst().get("/api/v1/analyses?zoneType=SEZ").then().statusCode(400)
                .body("violations.field", hasItems("zoneType", "period"));
        as(PlatformTestResource.tokens().submitter("320000")).get("/api/v1/analyses?zoneType=ETDZ&period=" + PERIOD)
                .then().statusCode(403);
    }
}
