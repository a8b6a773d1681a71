package cn.etdz.evaluation.scores;

import cn.etdz.common.events.EventTypes;
import cn.etdz.localstack.PlatformTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

/** What-if simulation, and the reference data (zones.v1, indicators.v1) that scoring learns from events. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class SimulationAndReferenceTest {

    private static EventFixtures events;

    @Inject
    AgroalDataSource database;

    @BeforeAll
    static void connect() {
        events = new EventFixtures();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private static String analyst() {
        return "Bearer " + PlatformTestResource.tokens().analyst();
    }

    @Test
    void aSimulationScoresTheGivenDataSetAndStoresNothing() throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("SIM-LOW", EventFixtures.fullValues(1));
        values.put("SIM-MID", EventFixtures.fullValues(2));
        values.put("SIM-TOP", EventFixtures.fullValues(3));
        Map<String, Object> request = Map.of(
                "methodologyKey", "plan-2012-ETDZ@1",
                "zones", List.of(Map.of("code", "SIM-LOW", "type", "ETDZ", "region", "EAST"),
                        Map.of("code", "SIM-MID", "type", "ETDZ", "region", "WEST"),
                        Map.of("code", "SIM-TOP", "type", "ETDZ", "region", "EAST")),
                "values", values);
        long snapshots = count("select count(*) from score_snapshot where zone_type = 'ETDZ'");

        JsonPath result = given().header("Authorization", analyst()).contentType(ContentType.JSON).body(request)
                .post("/api/v1/evaluations/simulate").then().statusCode(200).extract().jsonPath();

        assertThat(result.getList("zones.zone", String.class)).containsExactly("SIM-TOP", "SIM-MID", "SIM-LOW");
        assertThat(result.getList("zones.nationalRank", Integer.class)).containsExactly(1, 2, 3);
        assertThat(result.getList("zones.regionRank", Integer.class)).containsExactly(1, 1, 2);
        assertThat(result.getList("zones[0].indicators.indicator", String.class)).contains("GDP", "SERV_SHARE");
        assertThat(count("select count(*) from zone_score where zone_code like 'SIM-%'")).isZero();
        assertThat(count("select count(*) from zone where code like 'SIM-%'")).isZero();
        assertThat(count("select count(*) from score_snapshot where zone_type = 'ETDZ'")).isEqualTo(snapshots);
    }

    @Test
    void aSimulationWithProblemsListsThemAllAndSubmittersMayNotSimulate() {
        String body = """
                {"methodologyKey": "plan-2012-ETDZ@1",
                 "zones": [{"code": "A", "type": "BECZ", "region": "EAST"}, {"code": "A", "type": "ETDZ", "region": "MARS"}],
                 "values": {"A": {"GDP": null}}}""";
        given().header("Authorization", analyst()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/evaluations/simulate").then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItems("zones[0].type", "zones[1].code", "zones[1].region", "values.A.GDP"));
        given().header("Authorization", analyst()).contentType(ContentType.JSON)
                .body("{\"methodology\": {\"zoneType\": \"ETDZ\", \"pillars\": []}, \"zones\": []}")
                .post("/api/v1/evaluations/simulate").then().statusCode(422)
                .body("violations.field", hasItems("methodology.pillars", "zones"));
        given().header("Authorization", "Bearer " + PlatformTestResource.tokens().submitter("320000"))
                .contentType(ContentType.JSON).body("{}")
                .post("/api/v1/evaluations/simulate").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aZoneChangeRescoresItsPeerGroupAndAnExitedZoneLeavesTheRanking() throws Exception {
        String moving = EventFixtures.code("MOVE");
        String staying = EventFixtures.code("STAY");
        String leaving = EventFixtures.code("EXIT");
        events.zone(moving, "ETDZ", "320000", "EAST");
        events.zone(staying, "ETDZ", "320000", "EAST");
        events.zone(leaving, "ETDZ", "320000", "EAST");
        events.submission(moving, "2037", 1, EventFixtures.fullValues(3));
        events.submission(staying, "2037", 1, EventFixtures.fullValues(2));
        events.submission(leaving, "2037", 1, EventFixtures.fullValues(1));
        awaitRanking(json -> json.getInt("snapshot.rankedCount") == 3);

        events.zone(moving, "ETDZ", "510000", "WEST");              // the registry corrects its province
        events.zone(leaving, "ETDZ", "320000", "EAST", "EXITED");   // and a zone leaves the programme
        JsonPath after = awaitRanking(json -> json.getInt("total") == 2
                && "WEST".equals(json.getString("items[0].region")));
        assertThat(after.getList("items.zone", String.class)).containsExactly(moving, staying);
        assertThat(after.getList("items.regionGroup", String.class)).containsExactly("WEST", "EAST_COASTAL");
        assertThat(after.getList("items.regionRank", Integer.class)).containsExactly(1, 1);
    }

    @Test
    void aNewMethodologyVersionRescoresThePeriodsOfItsZoneType() throws Exception {
        String first = EventFixtures.code("RESCORE");
        String second = EventFixtures.code("RESCORE");
        events.zone(first, "BECZ", "530000", "WEST");
        events.zone(second, "BECZ", "230000", "NORTHEAST");
        events.submission(first, "2043", 1, EventFixtures.fullValues(3));
        events.submission(second, "2043", 1, EventFixtures.fullValues(1));
        String scoredWith = Rankings.awaitRanking("2043", "BECZ", json -> json.getInt("total") == 2)
                .getString("snapshot.methodology");

        Map<String, Object> copy = new LinkedHashMap<>(given().header("Authorization", analyst())
                .get("/api/v1/methodologies/" + scoredWith).then().statusCode(200).extract().jsonPath()
                .getMap("methodology"));
        copy.put("id", "rescore-becz-" + UUID.randomUUID().toString().substring(0, 6));
        copy.remove("version");
        String posted = given().header("Authorization", "Bearer " + PlatformTestResource.tokens().admin())
                .contentType(ContentType.JSON).body(copy).post("/api/v1/methodologies")
                .then().statusCode(201).extract().jsonPath().getString("key");

        // no new submission: the new active version alone makes the period's scores be computed again
        JsonPath rescored = Rankings.awaitRanking("2043", "BECZ", json -> posted.equals(json.getString("snapshot.methodology")));
        assertThat(rescored.getList("items.zone", String.class)).containsExactlyInAnyOrder(first, second);
    }

    private static JsonPath awaitRanking(java.util.function.Predicate<JsonPath> until) {
        return Rankings.awaitRanking("2037", "ETDZ", until);
    }

    /**
     * An indicator an administrator added reaches this service on indicators.v1; from then on a methodology may use its
     * code, and its values are scored like any other. Before the event, the same methodology is refused. Done on BECZ
     * with its active methodology restored afterwards, so the other tests' peer groups are scored as before.
     */
    @Test
    void aMethodologyMayUseAnIndicatorOnceIndicatorsV1HasCarriedIt() throws Exception {
        String indicator = "GREEN_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String admin = "Bearer " + PlatformTestResource.tokens().admin();
        String active = given().header("Authorization", analyst()).get("/api/v1/methodologies").then().statusCode(200)
                .extract().jsonPath().getString("find { it.active && it.zoneType == 'BECZ' }.key");
        String stored = given().header("Authorization", analyst()).get("/api/v1/methodologies/" + active)
                .then().statusCode(200).extract().asString();
        // two separate parses: the copy that gains the indicator shares no list with the one that restores
        Map<String, Object> before = new LinkedHashMap<>(JsonPath.from(stored).getMap("methodology"));
        before.remove("version");
        Map<String, Object> withGreen = new LinkedHashMap<>(JsonPath.from(stored).getMap("methodology"));
        withGreen.remove("version");
        withGreen.put("id", "green-becz-" + UUID.randomUUID().toString().substring(0, 6));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pillars = (List<Map<String, Object>>) withGreen.get("pillars");
        Map<String, Object> environment = pillars.stream().filter(p -> "ENVIRONMENT".equals(p.get("code"))).findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> indicators = (List<Map<String, Object>>) environment.get("indicators");
        indicators.add(Map.of("code", indicator, "weight", 1.0, "direction", "HIGHER", "normalisation", "MINMAX"));

        given().header("Authorization", admin).contentType(ContentType.JSON).body(withGreen).post("/api/v1/methodologies")
                .then().statusCode(422).body("violations.code", org.hamcrest.Matchers.contains("unknown-indicator"));

        events.indicator(indicator, "绿化覆盖率");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from indicator where code = '" + indicator + "'") == 1);
        String posted = given().header("Authorization", admin).contentType(ContentType.JSON).body(withGreen)
                .post("/api/v1/methodologies").then().statusCode(201).extract().jsonPath().getString("key");
        try {
            String green = EventFixtures.code("GREEN");
            String grey = EventFixtures.code("GREY");
            events.zone(green, "BECZ", "530000", "WEST");
            events.zone(grey, "BECZ", "230000", "NORTHEAST");
            Map<String, Double> greenValues = new LinkedHashMap<>(EventFixtures.fullValues(2));
            greenValues.putAll(Map.of("BORDER_TRADE", 5.0, "PORT_THROUGHPUT", 20.0, indicator, 45.0));
            Map<String, Double> greyValues = new LinkedHashMap<>(EventFixtures.fullValues(2));
            greyValues.putAll(Map.of("BORDER_TRADE", 5.0, "PORT_THROUGHPUT", 20.0, indicator, 15.0));
            events.submission(green, "2047", 1, greenValues);
            events.submission(grey, "2047", 1, greyValues);

            JsonPath ranking = Rankings.awaitRanking("2047", "BECZ", json -> json.getInt("total") == 2
                    && posted.equals(json.getString("snapshot.methodology")));
            assertThat(ranking.getList("items.zone", String.class)).as("equal but for the new indicator")
                    .containsExactly(green, grey);
            assertThat(ranking.getList("items.nationalRank", Integer.class)).containsExactly(1, 2);
            JsonPath explanation = given().header("Authorization", analyst())
                    .get("/api/v1/scores/" + green + "/2047/explanation").then().statusCode(200).extract().jsonPath();
            Map<String, Object> scored = explanation.<Map<String, Object>>getList("indicators").stream()
                    .filter(i -> indicator.equals(i.get("indicator"))).findFirst().orElseThrow();
            assertThat(((Number) scored.get("raw")).doubleValue()).isEqualTo(45.0);
            assertThat(((Number) scored.get("normalised")).doubleValue()).isEqualTo(100.0);
            assertThat(scored.get("pillar")).isEqualTo("ENVIRONMENT");
        } finally {
            before.put("id", "restored-becz-" + UUID.randomUUID().toString().substring(0, 6));
            given().header("Authorization", admin).contentType(ContentType.JSON).body(before)
                    .post("/api/v1/methodologies").then().statusCode(201);
        }
    }

    @Test
    void catalogueEntriesAreStoredAndUndecodableReferenceEventsAreDeadLettered() throws Exception {
        String code = "TEST_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        events.indicator(code, "测试指标");
        String zone = EventFixtures.code("BROKEN");
        events.raw("zones.v1", zone, EventTypes.ZONE_CHANGED, "{\"code\": \"" + zone + "\"}");   // no type, province…
        events.raw("zones.v1", zone, EventTypes.ZONE_CHANGED, "not json");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from indicator where code = '" + code + "' and name = '测试指标'") == 1);
        List<String> reasons = new ArrayList<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "zones-dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var reader = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of("zones.v1.dlq"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (zone.equals(record.key())) {
                        reasons.add(new String(record.headers().lastHeader("dlq_reason").value(), StandardCharsets.UTF_8));
                    }
                });
                return reasons.size() >= 2;
            });
        }
        assertThat(reasons.get(0)).contains("lacks code");
        assertThat(reasons.get(1)).contains("not a ZoneChanged document");
        assertThat(count("select count(*) from zone where code = '" + zone + "'")).isZero();
    }

    /** The English name of indicators.v1 is kept with the entry, and a newer state with another one replaces it. */
    @Test
    void anIndicatorsEnglishNameIsStoredAndANewerStateWithAnotherOneReplacesIt() throws Exception {
        String code = "NAMED_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String named = "select count(*) from indicator where code = '" + code + "' and name = '绿地率' and name_en = '%s'";

        events.indicator(code, "绿地率", "Green space ratio");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(named.formatted("Green space ratio")) == 1);

        events.indicator(code, "绿地率", "Share of green space");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(named.formatted("Share of green space")) == 1);
        assertThat(count("select count(*) from indicator where code = '" + code + "'")).isEqualTo(1);
    }

    private long count(String sql) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
