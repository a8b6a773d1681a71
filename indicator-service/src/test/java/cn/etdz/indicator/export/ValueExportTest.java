package cn.etdz.indicator.export;

import cn.etdz.localstack.PlatformTestResource;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class ValueExportTest {

    private static final String PROVINCE = "320000";
    private static final String OTHER_PROVINCE = "440000";
    private static final String MALICIOUS = "=HYPERLINK(\"http://attacker.example\",\"点此查看\")";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A zone with 2014 (two revisions: the second changes GDP) and 2015 (a provisional value with a formula note). */
    private static String zoneWithTwoPeriods() {
        String zone = registerZone("EXPORT", "ETDZ", PROVINCE);
        String submitter = tokens().submitter(PROVINCE);
        as(submitter).body(body(zone, "2014", 100, "-", false)).post("/api/v1/submissions").then().statusCode(201);
        as(submitter).body(body(zone, "2015", 120.25, MALICIOUS, true)).post("/api/v1/submissions").then().statusCode(201);
        return zone;
    }

    private static String body(String zone, String period, double gdp, String note, boolean provisional) {
        return """
                {"zone": "%s", "period": "%s", "values": [
                  {"indicator": "GDP", "value": %s, "provisional": %s, "note": %s},
                  {"indicator": "TAX", "value": 10.5}, {"indicator": "EMPLOYEES", "value": 3}]}"""
                .formatted(zone, period, gdp, provisional,
                        "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(note)) + "\"");
    }

    private static Response export(String token, String zone, String format) {
        return as(token).queryParam("zone", zone).queryParam("format", format).get("/api/v1/exports/values");
    }

    @Test
    void theJsonExportIsTheZonesValuesAsTheApiAnswersThem() {
        String zone = zoneWithTwoPeriods();
        String analyst = tokens().analyst();
        List<Map<String, Object>> exported = export(analyst, zone, "json").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().jsonPath().getList("$");
        JsonPath series = as(analyst).get("/api/v1/zones/" + zone + "/values").then().statusCode(200).extract().jsonPath();

        List<String> fromSeries = new ArrayList<>();
        for (Map<String, Object> indicator : series.<Map<String, Object>>getList("series")) {
            for (Object point : (List<?>) indicator.get("points")) {
                Map<?, ?> p = (Map<?, ?>) point;
                fromSeries.add(String.join("|", zone, (String) indicator.get("indicator"), (String) p.get("period"),
                        String.valueOf(((Number) p.get("value")).doubleValue()), (String) indicator.get("unit"),
                        String.valueOf(p.get("provisional")), String.valueOf(p.get("revision")), String.valueOf(p.get("note"))));
            }
        }
        List<String> fromExport = exported.stream().map(row -> String.join("|", (String) row.get("zone"),
                (String) row.get("indicator"), (String) row.get("period"),
                String.valueOf(((Number) row.get("value")).doubleValue()), (String) row.get("unit"),
                String.valueOf(row.get("provisional")), String.valueOf(row.get("revision")), String.valueOf(row.get("note"))))
                .toList();
        assertThat(fromExport).hasSize(6).containsExactlyInAnyOrderElementsOf(fromSeries);
        assertThat(exported).allSatisfy(row -> assertThat(row).containsEntry("zoneType", "ETDZ")
                .containsEntry("province", PROVINCE));
        // ordered by zone, period, indicator
        assertThat(exported.stream().map(row -> row.get("period") + " " + row.get("indicator")).toList())
                .containsExactly("2014 EMPLOYEES", "2014 GDP", "2014 TAX", "2015 EMPLOYEES", "2015 GDP", "2015 TAX");
    }

    @Test
    void csvAndXlsxHoldTheJsonsValuesWithFormulaTextNeutralisedAndNumbersAsNumbers() throws IOException {
        String zone = zoneWithTwoPeriods();
        String analyst = tokens().analyst();
        List<Map<String, Object>> json = export(analyst, zone, "json").then().statusCode(200).extract().jsonPath().getList("$");

        Response csv = export(analyst, zone, "csv");
        csv.then().statusCode(200).contentType(startsWith("text/csv"));
        List<Map<String, String>> csvRows = csv(csv.asByteArray());
        assertThat(csvRows).hasSameSizeAs(json);

        Response xlsx = export(analyst, zone, "xlsx");
        xlsx.then().statusCode(200).contentType(startsWith(XLSX));
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            Sheet sheet = workbook.getSheet("开发区指标值");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).isEqualTo(ExportedValue.COLUMNS);
            assertThat(sheet.getLastRowNum()).isEqualTo(json.size());
            for (int i = 0; i < json.size(); i++) {
                Map<String, Object> expected = json.get(i);
                Map<String, String> csvRow = csvRows.get(i);
                Row row = sheet.getRow(i + 1);
                for (int column = 0; column < header.size(); column++) {
                    String name = header.get(column);
                    Object value = expected.get(name);
                    Cell cell = row.getCell(column);
                    if (value instanceof Number number) {
                        assertThat(Double.parseDouble(csvRow.get(name))).as(name).isEqualTo(number.doubleValue());
                        assertThat(cell.getCellType()).as(name).isEqualTo(CellType.NUMERIC);
                        assertThat(cell.getNumericCellValue()).as(name).isEqualTo(number.doubleValue());
                    } else if (value instanceof Boolean flag) {
                        assertThat(csvRow.get(name)).isEqualTo(flag.toString());
                        assertThat(cell.getBooleanCellValue()).isEqualTo(flag);
                    } else if (value == null) {
                        assertThat(csvRow.get(name)).as(name).isEmpty();
                        assertThat(cell).as(name).isNull();
                    } else {
                        String text = value.toString();
                        String shown = text.matches("(?s)^[=+\\-@\t\r].*") ? "'" + text : text;
                        assertThat(csvRow.get(name)).as(name).isEqualTo(shown);
                        assertThat(cell.getCellType()).as(name).isEqualTo(CellType.STRING);
                        assertThat(cell.getStringCellValue()).as(name).isEqualTo(shown);
                    }
                }
            }
        }
        // the formula note opens as text, never as a formula
        assertThat(csvRows).anySatisfy(row -> assertThat(row.get("note")).isEqualTo("'" + MALICIOUS));
        assertThat(csvRows).anySatisfy(row -> assertThat(row.get("note")).isEqualTo("'-"));
    }

    @Test
    void sdmxCsvHasTheHeaderOfTheFormatAndOneObservationARowFollowingTheStructureDefinition() throws IOException {
        String zone = zoneWithTwoPeriods();
        String analyst = tokens().analyst();
        List<Map<String, Object>> json = export(analyst, zone, "json").then().statusCode(200).extract().jsonPath().getList("$");
        Response sdmx = as(analyst).queryParam("zone", zone).header("Accept", "application/vnd.sdmx.data+csv; version=2.0.0")
                .get("/api/v1/exports/values");
        sdmx.then().statusCode(200).contentType(startsWith("application/vnd.sdmx.data+csv"));
        String text = sdmx.asString();
        assertThat(text).startsWith("STRUCTURE,STRUCTURE_ID,ACTION,ZONE,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,"
                + "OBS_STATUS,REVISION\r\n");
        List<Map<String, String>> rows = csv(sdmx.asByteArray());
        assertThat(rows).hasSameSizeAs(json);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            Map<String, Object> expected = json.get(i);
            assertThat(row).containsEntry("STRUCTURE", "dataflow").containsEntry("STRUCTURE_ID", "ETDZ:DF_ZONE_VALUES(1.0.0)")
                    .containsEntry("ACTION", "I").containsEntry("ZONE", zone)
                    .containsEntry("INDICATOR", (String) expected.get("indicator"))
                    .containsEntry("TIME_PERIOD", (String) expected.get("period"))
                    .containsEntry("UNIT_MEASURE", (String) expected.get("unit"))
                    .containsEntry("OBS_STATUS", Boolean.TRUE.equals(expected.get("provisional")) ? "P" : "A")
                    .containsEntry("REVISION", String.valueOf(expected.get("revision")));
            assertThat(Double.parseDouble(row.get("OBS_VALUE"))).isEqualTo(((Number) expected.get("value")).doubleValue());
        }
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("INDICATOR", "GDP")
                .containsEntry("TIME_PERIOD", "2015").containsEntry("OBS_STATUS", "P").containsEntry("OBS_VALUE", "120.25"));

        // the columns are the components of the structure definition, in its order
        JsonPath structure = as(analyst).get("/api/v1/exports/values/structure").then().statusCode(200)
                .contentType(startsWith("application/vnd.sdmx.structure+json")).extract().jsonPath();
        String components = "data.dataStructures[0].dataStructureComponents.";
        List<String> columns = new ArrayList<>(structure.getList(components + "dimensionList.dimensions.id", String.class));
        columns.add(structure.getString(components + "dimensionList.timeDimension.id"));
        columns.addAll(structure.getList(components + "measureList.measures.id", String.class));
        columns.addAll(structure.getList(components + "attributeList.attributes.id", String.class));
        assertThat(ExportedValue.SDMX_COLUMNS.subList(3, ExportedValue.SDMX_COLUMNS.size())).isEqualTo(columns);
        assertThat(structure.getString("data.dataflows[0].agencyID") + ":" + structure.getString("data.dataflows[0].id")
                + "(" + structure.getString("data.dataflows[0].version") + ")").isEqualTo(ExportedValue.SDMX_DATAFLOW);
        assertThat(structure.getList("data.codelists[0].codes.id", String.class)).containsExactly("A", "P");
    }

    @Test
    void asOfReadsTheRevisionValidThenAndTheNewestOtherwise() {
        String zone = zoneWithTwoPeriods();
        String analyst = tokens().analyst();
        OffsetDateTime between = OffsetDateTime.now();
        as(tokens().submitter(PROVINCE)).body(body(zone, "2014", 150, "修订", false)).post("/api/v1/submissions")
                .then().statusCode(201);

        as(analyst).queryParam("zone", zone).queryParam("indicator", "GDP").queryParam("from", "2014").queryParam("to", "2014")
                .get("/api/v1/exports/values").then().statusCode(200)
                .body("value", contains(150.0f)).body("revision", contains(2));
        as(analyst).queryParam("zone", zone).queryParam("indicator", "GDP").queryParam("to", "2014")
                .queryParam("asOf", between.toString()).get("/api/v1/exports/values").then().statusCode(200)
                .body("value", contains(100.0f)).body("revision", contains(1));
    }

    @Test
    void filesAreDownloadsNamedInChineseAndTheBomIsOnRequest() {
        String zone = zoneWithTwoPeriods();
        Response csv = as(tokens().analyst()).queryParam("zone", zone).queryParam("from", "2014").queryParam("to", "2015")
                .queryParam("bom", "true").header("Accept", "text/csv").get("/api/v1/exports/values");
        csv.then().statusCode(200);
        String disposition = csv.header("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("开发区指标值-" + zone + "-2014至2015.csv");
        assertThat(csv.asByteArray()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(export(tokens().analyst(), zone, "csv").asByteArray()).startsWith("zone,".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void submittersExportTheirOwnProvinceOnly() {
        String zone = zoneWithTwoPeriods();
        String other = tokens().submitter(OTHER_PROVINCE);
        for (String format : List.of("json", "csv", "xlsx", "sdmx-csv")) {
            export(other, zone, format).then().statusCode(403).contentType(startsWith("application/problem+json"));
            as(other).queryParam("province", PROVINCE).queryParam("format", format).get("/api/v1/exports/values")
                    .then().statusCode(403).contentType(startsWith("application/problem+json"));
        }
        // without filters a submitter gets their own province's values, never the zone of another
        List<String> provinces = as(other).get("/api/v1/exports/values").then().statusCode(200)
                .extract().jsonPath().getList("province", String.class);
        assertThat(provinces).doesNotContain(PROVINCE).allMatch(OTHER_PROVINCE::equals);
        List<String> own = as(tokens().submitter(PROVINCE)).queryParam("indicator", "GDP").get("/api/v1/exports/values")
                .then().statusCode(200).extract().jsonPath().getList("zone", String.class);
        assertThat(own).contains(zone);
        given().queryParam("zone", zone).get("/api/v1/exports/values").then().statusCode(401);
    }

    @Test
    void badRequestsAreProblemsBeforeAnythingIsWritten() {
        String analyst = tokens().analyst();
        as(analyst).queryParam("format", "pdf").get("/api/v1/exports/values").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("format"));
        as(analyst).header("Accept", "application/pdf").get("/api/v1/exports/values").then().statusCode(406)
                .contentType(startsWith("application/problem+json"));
        as(analyst).queryParam("zone", "NO-SUCH-ZONE").get("/api/v1/exports/values").then().statusCode(404);
        as(analyst).queryParam("indicator", "NO_SUCH").get("/api/v1/exports/values").then().statusCode(404);
        as(analyst).queryParam("from", "2015").queryParam("to", "2014").get("/api/v1/exports/values").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        as(analyst).queryParam("province", "jiangsu").get("/api/v1/exports/values").then().statusCode(400);
        as(analyst).queryParam("bom", "yes").queryParam("zoneType", "XYZ").get("/api/v1/exports/values").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("bom", "zoneType"));
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
