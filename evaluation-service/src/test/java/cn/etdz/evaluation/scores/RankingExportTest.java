package cn.etdz.evaluation.scores;

import cn.etdz.common.events.EventTypes;
import cn.etdz.localstack.PlatformTestResource;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/** The ranking export against getRanking's JSON, on a peer group scored by the real pipeline. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class RankingExportTest {

    private static final String PERIOD = "2051";
    private static final String FORMULA_NAME = "=cmd|' /C calc'!A0";
    private static EventFixtures events;
    private static final List<String> ZONES = new ArrayList<>();

    @BeforeAll
    static void connect() {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        events = new EventFixtures();
    }

    /** Once for the class, but in a test's context: REST Assured knows the application's port only there. */
    @BeforeEach
    void scorePeerGroup() throws Exception {
        if (!ZONES.isEmpty()) {
            return;
        }
        for (int i = 0; i < 3; i++) {
            String zone = EventFixtures.code("EXPORT-" + i);
            ZONES.add(zone);
            String name = i == 0 ? FORMULA_NAME : "导出开发区" + i;
            events.raw("zones.v1", zone, EventTypes.ZONE_CHANGED, """
                    {"code": "%s", "name": "%s", "nameEn": null, "type": "ETDZ", "province": "%s", "region": "EAST",
                     "approvedOn": "2000-01-01", "status": "ACTIVE", "developedAreaKm2": 10.0}"""
                    .formatted(zone, name.replace("\"", "\\\""), i == 2 ? "440000" : "320000"));
            events.submission(zone, PERIOD, 1, EventFixtures.fullValues(3 + 2 * i));
        }
        Rankings.awaitRanking(PERIOD, "ETDZ", json -> json.getInt("total") == 3 && json.getInt("snapshot.rankedCount") == 3
                && json.getList("items.name").contains(FORMULA_NAME));
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private static RequestSpecification analyst() {
        return given().header("Authorization", Rankings.analyst()).queryParam("period", PERIOD).queryParam("zoneType", "ETDZ");
    }

    private static List<Map<String, Object>> apiRows() {
        return Rankings.ranking(PERIOD, "ETDZ", "&size=500").getList("items");
    }

    @Test
    void theJsonExportIsEveryRowOfTheRankingAsGetRankingAnswersIt() {
        List<Map<String, Object>> exported = analyst().get("/api/v1/exports/rankings").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().jsonPath().getList("$");
        assertThat(exported).isEqualTo(apiRows());
        assertThat(exported).extracting(row -> row.get("zone")).containsExactlyElementsOf(List.of(ZONES.get(2),
                ZONES.get(1), ZONES.get(0)));
    }

    @Test
    void csvAndXlsxCarryTheRankingsValuesWithTheFormulaNameAsText() throws IOException {
        List<Map<String, Object>> api = apiRows();
        Response csv = analyst().queryParam("format", "csv").get("/api/v1/exports/rankings");
        csv.then().statusCode(200).contentType(startsWith("text/csv"));
        List<Map<String, String>> csvRows = csv(csv.asByteArray());
        Response xlsx = analyst().header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/exports/rankings");
        xlsx.then().statusCode(200);
        String disposition = xlsx.header("Content-Disposition");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8))
                .isEqualTo("排名-ETDZ-" + PERIOD + ".xlsx");

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            Sheet sheet = workbook.getSheet("排名");
            assertThat(csvRows).hasSize(api.size());
            assertThat(sheet.getLastRowNum()).isEqualTo(api.size());
            for (int i = 0; i < api.size(); i++) {
                Map<String, Object> expected = flatten(api.get(i));
                Map<String, String> csvRow = csvRows.get(i);
                for (int column = 0; column < RankingExportService.COLUMNS.size(); column++) {
                    String name = RankingExportService.COLUMNS.get(column);
                    assertThat(sheet.getRow(0).getCell(column).getStringCellValue()).isEqualTo(name);
                    Object value = expected.get(name);
                    Cell cell = sheet.getRow(i + 1).getCell(column);
                    if (value instanceof Number number) {
                        assertThat(Double.parseDouble(csvRow.get(name))).as(name).isEqualTo(number.doubleValue());
                        assertThat(cell.getCellType()).as(name).isEqualTo(CellType.NUMERIC);
                        assertThat(cell.getNumericCellValue()).as(name).isEqualTo(number.doubleValue());
                    } else if (value instanceof Boolean flag) {
                        assertThat(csvRow.get(name)).as(name).isEqualTo(flag.toString());
                        assertThat(cell.getBooleanCellValue()).as(name).isEqualTo(flag);
                    } else if (name.equals("computedAt")) {
                        assertThat(OffsetDateTime.parse(csvRow.get(name))).isAtSameInstantAs(OffsetDateTime.parse((String) value));
                        assertThat(OffsetDateTime.parse(cell.getStringCellValue())).isAtSameInstantAs(OffsetDateTime.parse((String) value));
                    } else {
                        String text = value == null ? "" : value.toString();
                        String shown = text.startsWith("=") ? "'" + text : text;
                        assertThat(csvRow.get(name)).as(name).isEqualTo(shown);
                        if (!text.isEmpty()) {
                            assertThat(cell.getCellType()).as(name).isEqualTo(CellType.STRING);
                            assertThat(cell.getStringCellValue()).as(name).isEqualTo(shown);
                        }
                    }
                }
            }
        }
        assertThat(csvRows).anySatisfy(row -> assertThat(row.get("name")).isEqualTo("'" + FORMULA_NAME));
        // a plan methodology's file has exactly the columns it always had, nothing appended
        assertThat(csv.asString().lines().findFirst().orElseThrow()).isEqualTo(String.join(",", RankingExportService.COLUMNS));
    }

    @Test
    void sdmxCsvHasOneObservationARowPerZoneAndMeasureWithTheRankingsValues() throws IOException {
        List<Map<String, Object>> api = apiRows();
        Response sdmx = analyst().header("Accept", "application/vnd.sdmx.data+csv; version=2.0.0").queryParam("bom", "true")
                .get("/api/v1/exports/rankings");
        sdmx.then().statusCode(200).contentType(startsWith("application/vnd.sdmx.data+csv"));
        String disposition = sdmx.header("Content-Disposition");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8))
                .isEqualTo("排名-ETDZ-" + PERIOD + ".csv");
        String text = new String(sdmx.asByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFSTRUCTURE,STRUCTURE_ID,ACTION,");
        assertThat(text.substring(1).lines().findFirst().orElseThrow()).isEqualTo("STRUCTURE,STRUCTURE_ID,ACTION,ZONE,MEASURE,"
                + "TIME_PERIOD,OBS_VALUE,BASIS,COVERAGE,RANKED,FLAGS,REVISION,METHODOLOGY,SNAPSHOT_ID");

        List<Map<String, String>> rows = csv(text.substring(1).getBytes(StandardCharsets.UTF_8));
        List<String> measures = List.of("COMPOSITE", "ECONOMY", "INNOVATION", "ENVIRONMENT", "SOCIETY", "INSTITUTIONS",
                "NATIONAL_RANK", "REGION_RANK");
        assertThat(rows).hasSize(api.size() * measures.size());
        for (int i = 0; i < api.size(); i++) {
            Map<String, Object> expected = flatten(api.get(i));
            for (int m = 0; m < measures.size(); m++) {
                Map<String, String> row = rows.get(i * measures.size() + m);
                assertThat(row.get("STRUCTURE")).isEqualTo("dataflow");
                assertThat(row.get("STRUCTURE_ID")).isEqualTo("ETDZ:DF_ZONE_RANKING(1.0.0)");
                assertThat(row.get("ACTION")).isEqualTo("I");
                assertThat(row.get("ZONE")).isEqualTo(expected.get("zone"));
                assertThat(row.get("MEASURE")).isEqualTo(measures.get(m));
                assertThat(row.get("TIME_PERIOD")).isEqualTo(PERIOD);
                Object value = expected.get(switch (measures.get(m)) {
                    case "COMPOSITE" -> "composite";
                    case "NATIONAL_RANK" -> "nationalRank";
                    case "REGION_RANK" -> "regionRank";
                    default -> measures.get(m).toLowerCase(java.util.Locale.ROOT);
                });
                assertThat(value).as(measures.get(m)).isNotNull();
                assertThat(Double.parseDouble(row.get("OBS_VALUE"))).as(measures.get(m))
                        .isEqualTo(((Number) value).doubleValue());
                assertThat(row.get("BASIS")).isEqualTo(expected.get("basis"));
                assertThat(Double.parseDouble(row.get("COVERAGE"))).isEqualTo(((Number) expected.get("coverage")).doubleValue());
                assertThat(row.get("RANKED")).isEqualTo(expected.get("ranked").toString());
                assertThat(row.get("FLAGS")).isEqualTo(expected.get("flags"));
                assertThat(Double.parseDouble(row.get("REVISION"))).isEqualTo(((Number) expected.get("revision")).doubleValue());
                assertThat(row.get("METHODOLOGY")).isEqualTo(expected.get("methodology"));
                assertThat(Double.parseDouble(row.get("SNAPSHOT_ID")))
                        .isEqualTo(((Number) expected.get("snapshotId")).doubleValue());
            }
        }
    }

    @Test
    void everyColumnAndCodeOfTheSdmxRowsIsInTheDataStructureDefinition() throws IOException {
        io.restassured.path.json.JsonPath structure = given().header("Authorization",
                        "Bearer " + PlatformTestResource.tokens().submitter("440000"))
                .get("/api/v1/exports/rankings/structure").then().statusCode(200)
                .contentType(startsWith("application/vnd.sdmx.structure+json")).extract().jsonPath();
        String components = "data.dataStructures[0].dataStructureComponents.";
        List<String> columns = new ArrayList<>(structure.getList(components + "dimensionList.dimensions.id", String.class));
        columns.add(structure.getString(components + "dimensionList.timeDimension.id"));
        columns.addAll(structure.getList(components + "measureList.measures.id", String.class));
        columns.addAll(structure.getList(components + "attributeList.attributes.id", String.class));

        byte[] body = analyst().queryParam("format", "sdmx-csv").get("/api/v1/exports/rankings").then().statusCode(200)
                .extract().asByteArray();
        String header = new String(body, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(header).isEqualTo("STRUCTURE,STRUCTURE_ID,ACTION," + String.join(",", columns));
        assertThat(structure.getList("data.conceptSchemes[0].concepts.id", String.class)).containsExactlyElementsOf(columns);
        String dataflow = "ETDZ:" + structure.getString("data.dataflows[0].id") + "("
                + structure.getString("data.dataflows[0].version") + ")";
        assertThat(structure.getString("data.dataflows[0].structure")).endsWith("=ETDZ:"
                + structure.getString("data.dataStructures[0].id") + "(" + structure.getString("data.dataStructures[0].version")
                + ")");
        List<String> bases = structure.getList("data.codelists.find { it.id == 'CL_BASIS' }.codes.id", String.class);
        for (Map<String, String> row : csv(body)) {
            assertThat(row.get("STRUCTURE_ID")).isEqualTo(dataflow);
            assertThat(bases).contains(row.get("BASIS"));
        }
        given().get("/api/v1/exports/rankings/structure").then().statusCode(401);
    }

    @Test
    void aProvincialCallersPreliminarySdmxExportHoldsTheirOwnProvincesZonesOnly() throws IOException {
        String submitter = "Bearer " + PlatformTestResource.tokens().submitter("440000");
        byte[] own = given().header("Authorization", submitter).queryParam("period", PERIOD).queryParam("zoneType", "ETDZ")
                .queryParam("basis", "preliminary").queryParam("format", "sdmx-csv").get("/api/v1/exports/rankings")
                .then().statusCode(200).extract().asByteArray();
        assertThat(csv(own)).extracting(row -> row.get("ZONE")).containsOnly(ZONES.get(2)).hasSize(8);
        byte[] other = given().header("Authorization", submitter).queryParam("period", PERIOD).queryParam("zoneType", "ETDZ")
                .queryParam("basis", "preliminary").queryParam("province", "320000").queryParam("format", "sdmx-csv")
                .get("/api/v1/exports/rankings").then().statusCode(200).extract().asByteArray();
        assertThat(csv(other)).isEmpty();
        byte[] official = given().header("Authorization", submitter).queryParam("period", PERIOD)
                .queryParam("zoneType", "ETDZ").queryParam("format", "sdmx-csv").get("/api/v1/exports/rankings")
                .then().statusCode(200).extract().asByteArray();
        assertThat(csv(official)).extracting(row -> row.get("ZONE")).containsAll(ZONES).hasSize(3 * 8);
    }

    /** A ranking row of the JSON as the table's columns: pillars flattened, flags joined by spaces. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(Map<String, Object> row) {
        Map<String, Object> flat = new java.util.HashMap<>(row);
        flat.putAll((Map<String, Object>) row.get("pillars"));
        flat.put("flags", String.join(" ", (List<String>) row.get("flags")));
        return flat;
    }

    @Test
    void everyRoleReadsTheWholeRankingAsGetRankingAllowsAndBadQueriesAreProblems() {
        List<String> zones = given().header("Authorization", "Bearer " + PlatformTestResource.tokens().submitter("440000"))
                .queryParam("period", PERIOD).queryParam("zoneType", "ETDZ").get("/api/v1/exports/rankings")
                .then().statusCode(200).extract().jsonPath().getList("zone", String.class);
        assertThat(zones).containsExactlyInAnyOrderElementsOf(ZONES);
        List<String> filtered = analyst().queryParam("province", "440000").get("/api/v1/exports/rankings")
                .then().statusCode(200).extract().jsonPath().getList("zone", String.class);
        assertThat(filtered).containsExactly(ZONES.get(2));
        given().queryParam("period", PERIOD).queryParam("zoneType", "ETDZ").get("/api/v1/exports/rankings")
                .then().statusCode(401);

        given().header("Authorization", Rankings.analyst()).queryParam("zoneType", "ETDZ").get("/api/v1/exports/rankings")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        analyst().queryParam("format", "pdf").get("/api/v1/exports/rankings").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", Rankings.analyst()).queryParam("period", "2099").queryParam("zoneType", "ETDZ")
                .queryParam("format", "xlsx").get("/api/v1/exports/rankings").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    private static List<Map<String, String>> csv(byte[] body) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(mapper.schemaWithHeader()).without(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(new String(body, StandardCharsets.UTF_8))) {
            return rows.readAll();
        }
    }
}
