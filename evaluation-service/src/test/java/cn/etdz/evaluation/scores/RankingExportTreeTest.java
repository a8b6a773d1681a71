package cn.etdz.evaluation.scores;

import cn.etdz.localstack.PlatformTestResource;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The ranking exports of a tree methodology (the MOFCOM 2021 example of docs/examples) on a fresh peer group: its
 * top-level nodes are SDMX measures, and CSV and XLSX columns after the plan's. In the tree test database, because
 * posting a methodology makes it the active one of every ETDZ period of the database.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation_tree"))
class RankingExportTreeTest {

    private static final Path MOFCOM_2021 = Path.of("../docs/examples/mofcom-2021-etdz.json");
    private static final String METHODOLOGY = "mofcom-2021-export";
    private static final List<String> TOP = List.of("OPENING_UP", "INNOVATION", "GREEN", "COORDINATION", "QUALITY");
    /** The top-level nodes that are not one of the five plan pillars: INNOVATION stays in the innovation column. */
    private static final List<String> APPENDED = List.of("OPENING_UP", "GREEN", "COORDINATION", "QUALITY");
    private static final String PERIOD = "2147";

    private static EventFixtures events;

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

    @Test
    void aTreeMethodologysTopLevelNodesAreSdmxMeasuresAndColumnsAppendedToCsvAndXlsx() throws Exception {
        ObjectNode methodology = (ObjectNode) new ObjectMapper().readTree(Files.readString(MOFCOM_2021, StandardCharsets.UTF_8));
        methodology.put("id", METHODOLOGY);
        given().header("Authorization", "Bearer " + PlatformTestResource.tokens().admin()).contentType(ContentType.JSON)
                .body(methodology.toString()).post("/api/v1/methodologies").then().statusCode(201)
                .body("key", equalTo(METHODOLOGY + "@1"));
        List<String> zones = List.of(EventFixtures.code("XT-A"), EventFixtures.code("XT-B"), EventFixtures.code("XT-C"));
        List<String> regions = List.of("EAST", "WEST", "EAST");
        for (int i = 0; i < zones.size(); i++) {
            events.zone(zones.get(i), "ETDZ", i == 1 ? "510000" : "320000", regions.get(i));
            // the previous year too, for the growth rates of opening-up and quality
            events.submission(zones.get(i), "2146", 1, EventFixtures.fullValues(3 + 2 * i));
            events.submission(zones.get(i), PERIOD, 1, EventFixtures.fullValues(4 + 2 * i));
        }
        JsonPath ranking = Rankings.awaitRanking(PERIOD, "ETDZ", json -> (METHODOLOGY + "@1")
                .equals(json.getString("snapshot.methodology")) && json.getInt("snapshot.rankedCount") == 3);
        List<Map<String, Object>> api = ranking.getList("items");
        assertThat(ranking.getList("items[0].nodes.code", String.class)).containsExactlyElementsOf(TOP);

        Response csv = analyst().queryParam("format", "csv").get("/api/v1/exports/rankings");
        csv.then().statusCode(200);
        List<String> header = new ArrayList<>(RankingExportService.COLUMNS);
        header.addAll(APPENDED);
        assertThat(csv.asString().lines().findFirst().orElseThrow()).isEqualTo(String.join(",", header));
        List<Map<String, String>> csvRows = read(csv.asByteArray());
        byte[] xlsx = analyst().queryParam("format", "xlsx").get("/api/v1/exports/rankings").then().statusCode(200)
                .extract().asByteArray();
        List<Map<String, String>> sdmx = read(analyst().queryParam("format", "sdmx-csv").get("/api/v1/exports/rankings")
                .then().statusCode(200).extract().asByteArray());
        List<String> measures = new ArrayList<>(List.of("COMPOSITE"));
        measures.addAll(TOP);
        measures.addAll(List.of("NATIONAL_RANK", "REGION_RANK"));
        assertThat(sdmx).hasSize(api.size() * measures.size());

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row xlsxHeader = workbook.getSheet("排名").getRow(0);
            for (int i = 0; i < api.size(); i++) {
                Map<String, Object> zone = api.get(i);
                List<Double> nodeScores = ranking.getList("items[" + i + "].nodes.score", Double.class);
                Row xlsxRow = workbook.getSheet("排名").getRow(i + 1);
                for (String code : APPENDED) {
                    int column = header.indexOf(code);
                    double expected = nodeScores.get(TOP.indexOf(code));
                    assertThat(xlsxHeader.getCell(column).getStringCellValue()).isEqualTo(code);
                    assertThat(Double.parseDouble(csvRows.get(i).get(code))).as(code).isEqualTo(expected);
                    assertThat(xlsxRow.getCell(column).getNumericCellValue()).as(code).isEqualTo(expected);
                }
                assertThat(Double.parseDouble(csvRows.get(i).get("innovation"))).isEqualTo(nodeScores.get(1));
                assertThat(csvRows.get(i).get("economy")).isEmpty();
                for (int m = 0; m < measures.size(); m++) {
                    Map<String, String> observation = sdmx.get(i * measures.size() + m);
                    String measure = measures.get(m);
                    double expected = switch (measure) {
                        case "COMPOSITE" -> ((Number) zone.get("composite")).doubleValue();
                        case "NATIONAL_RANK" -> ((Number) zone.get("nationalRank")).doubleValue();
                        case "REGION_RANK" -> ((Number) zone.get("regionRank")).doubleValue();
                        default -> nodeScores.get(TOP.indexOf(measure));
                    };
                    assertThat(observation.get("ZONE")).isEqualTo(zone.get("zone"));
                    assertThat(observation.get("MEASURE")).isEqualTo(measure);
                    assertThat(Double.parseDouble(observation.get("OBS_VALUE"))).as(measure).isEqualTo(expected);
                    assertThat(observation.get("METHODOLOGY")).isEqualTo(METHODOLOGY + "@1");
                }
            }
        }
    }

    private static io.restassured.specification.RequestSpecification analyst() {
        return given().header("Authorization", Rankings.analyst()).queryParam("period", PERIOD).queryParam("zoneType", "ETDZ");
    }

    private static List<Map<String, String>> read(byte[] body) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(mapper.schemaWithHeader()).without(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(new String(body, StandardCharsets.UTF_8))) {
            return rows.readAll();
        }
    }
}
