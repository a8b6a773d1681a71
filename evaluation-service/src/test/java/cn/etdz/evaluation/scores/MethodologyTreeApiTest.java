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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * A framework other than the plan's, posted as a tree and scored on stored data: the MOFCOM 2021 example of
 * docs/examples. Its own database, because posting it makes it the active methodology of every ETDZ period there.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation_tree"))
class MethodologyTreeApiTest {

    private static final Path MOFCOM_2021 = Path.of("../docs/examples/mofcom-2021-etdz.json");
    private static final List<String> TOP = List.of("OPENING_UP", "INNOVATION", "GREEN", "COORDINATION", "QUALITY");

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

    @Test
    void anAdminPostsTheMofcom2021FrameworkAndStoredPeriodsAreScoredOnIt() throws Exception {
        String east = EventFixtures.code("TREE-E");
        String eastLow = EventFixtures.code("TREE-F");
        String west = EventFixtures.code("TREE-W");
        events.zone(east, "ETDZ", "320000", "EAST");
        events.zone(eastLow, "ETDZ", "330000", "EAST");
        events.zone(west, "ETDZ", "510000", "WEST");
        Map<String, Double> quality = Map.of(east, 9.0, eastLow, 3.0, west, 6.0);
        for (var zone : quality.entrySet()) {
            // the previous year too, for the growth rates of opening-up and quality
            events.submission(zone.getKey(), "2110", 1, EventFixtures.fullValues(zone.getValue() - 1));
            events.submission(zone.getKey(), "2111", 1, EventFixtures.fullValues(zone.getValue()));
        }
        awaitRanking("2111", "ETDZ", json -> json.getInt("total") == 3
                && json.getInt("snapshot.rankedCount") == 3);

        String body = Files.readString(MOFCOM_2021, StandardCharsets.UTF_8);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/methodologies").then().statusCode(201)
                .body("key", equalTo("mofcom-2021-etdz@1")).body("active", equalTo(true))
                .body("methodology.nodes.code", contains(TOP.toArray()))
                .body("methodology.nodes[0].name", equalTo("对外开放"))
                .body("methodology.nodes[1].aggregation", equalTo("GEOMETRIC"))
                .body("methodology.nodes[0].nodes.code", contains("FOREIGN_INVESTMENT", "FOREIGN_TRADE"));

        JsonPath table = awaitRanking("2111", "ETDZ",
                json -> "mofcom-2021-etdz@1".equals(json.getString("snapshot.methodology"))
                        && json.getInt("snapshot.rankedCount") == 3);
        assertThat(table.getList("items.zone", String.class)).containsExactly(east, west, eastLow);
        assertThat(table.getList("items.nationalRank", Integer.class)).containsExactly(1, 2, 3);
        // national and regional ranks: statistical regions, EAST holds two ranked zones, WEST one
        assertThat(table.getList("items.regionGroup", String.class)).containsExactly("EAST", "WEST", "EAST");
        assertThat(table.getList("items.regionRank", Integer.class)).containsExactly(1, 1, 2);
        assertThat(table.getList("items[0].nodes.code", String.class)).containsExactlyElementsOf(TOP);
        assertThat(table.getList("items[0].nodes[0].nodes.code", String.class))
                .containsExactly("FOREIGN_INVESTMENT", "FOREIGN_TRADE");
        // the five-pillar fields hold what the framework shares with the plan: innovation only
        assertThat(table.getString("items[0].pillars.economy")).isNull();
        assertThat(table.getDouble("items[0].pillars.innovation"))
                .isCloseTo(table.getDouble("items[0].nodes[1].score"), within(1e-12));
        // the composite is the 25 : 25 : 20 : 15 : 15 arithmetic mean of the top-level nodes
        List<Double> scores = table.getList("items[0].nodes.score", Double.class);
        double composite = (25 * scores.get(0) + 25 * scores.get(1) + 20 * scores.get(2) + 15 * scores.get(3)
                + 15 * scores.get(4)) / 100;
        assertThat(table.getDouble("items[0].composite")).isCloseTo(composite, within(1e-9));

        JsonPath explanation = given().header("Authorization", Rankings.analyst())
                .get("/api/v1/scores/" + east + "/2111/explanation").then().statusCode(200).extract().jsonPath();
        assertThat(explanation.getList("indicators.find { it.indicator == 'FDI' }.path", String.class))
                .containsExactly("OPENING_UP", "FOREIGN_INVESTMENT");
        assertThat(explanation.getList("score.nodes.code", String.class)).containsExactlyElementsOf(TOP);

        // the report card's part scores are the framework's, by its names, with their weights and contributions
        String card = reportCardText(east);
        assertThat(card).contains("Opening-up", "Innovation", "Green development", "Coordination", "Development quality")
                .doesNotContain("Economic development");

        // the table sorts by any top-level node of the framework, ascending or descending
        Map<String, Double> green = new java.util.HashMap<>();
        for (int i = 0; i < 3; i++) {
            green.put(table.getString("items[" + i + "].zone"),
                    table.getDouble("items[" + i + "].nodes.find { it.code == 'GREEN' }.score"));
        }
        List<String> byGreen = green.keySet().stream().sorted(java.util.Comparator.comparing(green::get)).toList();
        assertThat(Rankings.ranking("2111", "ETDZ", "&sort=node:GREEN").getList("items.zone", String.class))
                .containsExactlyElementsOf(byGreen);
        assertThat(Rankings.ranking("2111", "ETDZ", "&sort=-node:GREEN").getList("items.zone", String.class))
                .containsExactlyElementsOf(byGreen.stream().sorted(java.util.Comparator.comparing(green::get).reversed())
                        .toList());
        // a node the framework does not have at the top is refused, naming the methodology, in either language
        given().header("Authorization", Rankings.analyst()).header("Accept-Language", "en")
                .get("/api/v1/scores?period=2111&zoneType=ETDZ&sort=node:ECONOMY").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("sort")).body("violations.code", contains("unknown-node"))
                .body("violations[0].message", equalTo(
                        "sort names node:ECONOMY, but mofcom-2021-etdz@1 has no top-level node ECONOMY."));
        given().header("Authorization", Rankings.analyst()).header("Accept-Language", "zh-CN")
                .get("/api/v1/scores?period=2111&zoneType=ETDZ&sort=-node:FOREIGN_TRADE").then().statusCode(400)
                .body("violations[0].message", equalTo(
                        "sort 指定了 node:FOREIGN_TRADE，但方法 mofcom-2021-etdz@1 没有代码为 FOREIGN_TRADE 的顶层节点。"));
        given().header("Authorization", Rankings.analyst())
                .get("/api/v1/scores?period=2111&zoneType=ETDZ&sort=node:").then().statusCode(400)
                .body("violations.code", contains("unknown-value"));
    }

    @Test
    void aTreeWithDuplicateCodesAndAnIndicatorUsedTwiceIsRejectedAndNothingIsStored() throws SQLException {
        long before = count();
        String body = """
                {"id": "bad-tree", "zoneType": "ETDZ", "compositeAggregation": "ARITHMETIC", "nodes": [
                  {"code": "OPEN", "name": "开放", "nameEn": "Open", "weight": 1, "nodes": [
                    {"code": "OPEN", "name": "外资", "nameEn": "FDI", "weight": 0,
                     "indicators": [{"code": "FDI", "weight": 1, "direction": "HIGHER", "normalisation": "MINMAX"}]},
                    {"code": "EMPTY", "name": "空", "nameEn": "Empty", "weight": 1}]},
                  {"code": "MORE", "name": "更多", "nameEn": "More", "weight": 1, "aggregation": "MEDIAN",
                   "indicators": [{"code": "FDI", "weight": 1, "direction": "HIGHER", "normalisation": "MINMAX"}]}],
                 "pillars": [{"code": "ECONOMY", "weight": 1, "indicators": []}]}""";
        JsonPath problem = given().header("Authorization", admin()).header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON).body(body)
                .post("/api/v1/methodologies").then().statusCode(422).contentType("application/problem+json")
                .body("violations.code", hasItems("duplicate-node", "non-positive-weight", "empty-node",
                        "unknown-value", "duplicate-indicator", "pillars-and-nodes"))
                .extract().jsonPath();
        assertThat(problem.getList("violations.field", String.class)).contains("nodes[0].nodes[0].code",
                "nodes[0].nodes[0].weight", "nodes[0].nodes[1]", "nodes[1].aggregation",
                "nodes[1].indicators[0].code", "nodes");
        assertThat(problem.getString("violations.find { it.code == 'duplicate-node' }.message")).contains("重复");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aSimulationScoresACustomIndicatorWithItsValues() {
        String body = """
                {"methodology": {"zoneType": "ETDZ", "compositeAggregation": "ARITHMETIC", "nodes": [
                   {"code": "REFORM", "name": "改革创新", "nameEn": "Reform", "weight": 1, "indicators": [
                     {"code": "FTZ_PILOT_MEASURES", "weight": 1, "direction": "HIGHER", "normalisation": "GOALPOST",
                      "parameters": {"min": 0, "max": 40}},
                     {"code": "GDP", "weight": 1, "direction": "HIGHER", "normalisation": "GOALPOST",
                      "parameters": {"min": 0, "max": 1000}}]}]},
                 "customIndicators": [{"code": "FTZ_PILOT_MEASURES", "name": "自贸试验区改革试点经验复制数",
                                       "nameEn": "FTZ pilot measures adopted", "unit": "项"}],
                 "zones": [{"code": "A", "type": "ETDZ", "region": "EAST"}, {"code": "B", "type": "ETDZ", "region": "WEST"}],
                 "values": {"A": {"FTZ_PILOT_MEASURES": 10, "GDP": 500}, "B": {"FTZ_PILOT_MEASURES": 30, "GDP": 200}}}""";
        given().header("Authorization", Rankings.analyst()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/evaluations/simulate").then().statusCode(200)
                .body("zones.zone", contains("B", "A"))
                .body("zones[0].composite", equalTo(47.5))
                .body("zones[0].nodes[0].code", equalTo("REFORM"))
                .body("zones[0].indicators[0].path", contains("REFORM"));

        // without its definition the code is unknown; a catalogue code cannot be a custom one
        given().header("Authorization", Rankings.analyst()).contentType(ContentType.JSON)
                .body(body.replace("\"customIndicators\": [{\"code\": \"FTZ_PILOT_MEASURES\"",
                        "\"customIndicators\": [{\"code\": \"GDP\""))
                .post("/api/v1/evaluations/simulate").then().statusCode(422)
                .body("violations.field", hasItems("customIndicators[0].code",
                        "methodology.nodes[0].indicators[0].code"))
                .body("violations.code", hasItems("in-catalogue", "unknown-indicator"));
    }

    private static String reportCardText(String zone) throws java.io.IOException {
        byte[] pdf = given().header("Authorization", Rankings.analyst()).header("Accept-Language", "en")
                .get("/api/v1/report-cards/" + zone + "?period=2111").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        // kept to be looked at, as the other report cards of the tests are
        Path kept = Path.of("target", "report-cards", zone + "-mofcom-2021-en.pdf");
        Files.createDirectories(kept.getParent());
        Files.write(kept, pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    /** Waits for the pipeline longer than {@link Rankings} does: a new methodology rescores every ETDZ period. */
    private static JsonPath awaitRanking(String period, String zoneType, Predicate<JsonPath> until) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().header("Authorization", Rankings.analyst())
                    .get("/api/v1/scores?period=" + period + "&zoneType=" + zoneType);
            return response.statusCode() == 200 && until.test(response.jsonPath());
        });
        return Rankings.ranking(period, zoneType, "");
    }

    private long count() throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from methodology")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
