package cn.etdz.e2e.console;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

/**
 * The console's files in a real browser against the packaged stack with the demo data: a submitter downloads the
 * province's workbook, fills it with POI, checks and submits it and sees each cell's result; a CSV saved by Excel on
 * Chinese Windows goes in as GB18030; an analyst exports a ranking as Excel and SDMX-CSV and a zone's values as SDMX-CSV, and asks
 * for report cards. Every file is read back from the browser's downloads folder. Screenshots go to
 * {@code target/console-screenshots/exchange-*.png}. The exports run first, so the ranking they are compared with is
 * not being scored again after the submissions of the later tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExchangeBrowserIT {

    private static final String PERIOD = "2015";
    private static final String ZONE_TYPE = "ETDZ";
    private static final String PROVINCE = "320000";
    private static final String SUBMITTER = "demo-submitter-" + PROVINCE;

    @RegisterExtension
    static final ConsoleStack console = new ConsoleStack("exchange");

    private static JsonPath api(String path, Map<String, ?> query) {
        return given().header("Authorization", "Bearer " + console.stack().tokens().admin()).queryParams(query)
                .get("/api/v1" + path).then().statusCode(200).extract().jsonPath();
    }

    /** The ranked zones of the submitter's province in the period, best first. */
    private static List<String> rankedZonesOfTheProvince() {
        return api("/scores", Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "province", PROVINCE, "size", 500))
                .getList("items.findAll { it.ranked }.zone");
    }

    private static int newestRevision(String zone) {
        List<Integer> revisions = api("/zones/" + zone + "/revisions", Map.of("period", PERIOD)).getList("revision");
        return revisions.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The zone's newest accepted values of the period, by indicator. */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> valuesOf(String zone) {
        Map<String, Double> byIndicator = new HashMap<>();
        // numbers as decimals: REST Assured's default (float) would write 13.630000114440918 for 13.63 into the workbook
        List<Map<String, Object>> series = api("/zones/" + zone + "/values", Map.of("from", PERIOD, "to", PERIOD))
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL)).getList("series");
        for (Map<String, Object> indicator : series) {
            for (Map<String, Object> point : (List<Map<String, Object>>) indicator.get("points")) {
                if (PERIOD.equals(point.get("period")) && point.get("value") != null) {
                    byIndicator.put((String) indicator.get("indicator"), ((Number) point.get("value")).doubleValue());
                }
            }
        }
        return byIndicator;
    }

    /** A cell reference as Excel names it: ETDZ!F7. */
    private static String reference(Sheet sheet, Cell cell) {
        return sheet.getSheetName() + "!" + cell.getAddress().formatAsString();
    }

    @Test
    @Order(2)
    void aSubmitterFillsTheWorkbookUploadsItAndSeesEachCellsResult() throws IOException {
        List<String> zones = rankedZonesOfTheProvince();
        String accepted = zones.get(0);
        String refused = zones.get(1);
        int acceptedRevision = newestRevision(accepted);
        int refusedRevision = newestRevision(refused);
        console.signIn(SUBMITTER);
        console.open("entry/" + PROVINCE + "?zone=" + accepted + "&period=" + PERIOD);

        // the template comes through the console with the token and lands in the downloads folder under the API's name
        Path downloads = console.browser().downloadsInto("workbook");
        console.browser().await(By.id("workbook-template")).click();
        Path template = console.browser().awaitDownload(downloads);
        assertThat(template.getFileName().toString()).isEqualTo("submissions-" + PROVINCE + "-" + PERIOD + ".xlsx");
        console.browser().awaitText(By.id("workbook-download-status"), "submissions-" + PROVINCE + "-" + PERIOD + ".xlsx");

        // filled as a statistics office would: one zone's row with its values and GDP raised, another's with GDP
        // typed with a thousands separator, which the API refuses naming that cell
        double gdp = BigDecimal.valueOf(valuesOf(accepted).get("GDP") * 1.1).setScale(2, RoundingMode.HALF_UP).doubleValue();
        Path filled = Files.createTempFile("exchange-workbook", ".xlsx");
        String badCell;
        String goodCell;
        try (InputStream in = Files.newInputStream(template); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(ZONE_TYPE);
            Row codes = rowStartingWith(sheet, "zone");
            Map<String, Integer> columns = new HashMap<>();
            codes.forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
            Row acceptedRow = rowStartingWith(sheet, accepted);
            Map<String, Double> values = new HashMap<>(valuesOf(accepted));
            values.put("GDP", gdp);
            values.forEach((indicator, value) -> {
                if (columns.containsKey(indicator)) {
                    acceptedRow.getCell(columns.get(indicator)).setCellValue(value);
                }
            });
            Row refusedRow = rowStartingWith(sheet, refused);
            valuesOf(refused).forEach((indicator, value) -> {
                if (columns.containsKey(indicator)) {
                    refusedRow.getCell(columns.get(indicator)).setCellValue(value);
                }
            });
            Cell bad = refusedRow.getCell(columns.get("GDP"));
            bad.setCellValue("1,234.5");
            badCell = reference(sheet, bad);
            goodCell = reference(sheet, acceptedRow.getCell(0));
            try (OutputStream out = Files.newOutputStream(filled)) {
                workbook.write(out);
            }
        }

        // checked first: each cell's result against the sheet, nothing stored
        console.browser().await(By.id("workbook-file")).sendKeys(filled.toAbsolutePath().toString());
        console.browser().await(By.id("workbook-check")).click();
        console.browser().awaitText(By.id("workbook-summary"), "已校验");
        WebElement sheetTable = console.browser().await(By.id("workbook-sheet-ETDZ"));
        assertThat(sheetTable.findElement(By.tagName("caption")).getText()).isEqualTo("工作表 ETDZ");
        WebElement violation = sheetTable.findElement(By.cssSelector("tr.violation[data-cell='" + badCell
                + "'][data-code='thousands-separator']"));
        assertThat(violation.getText()).contains(badCell, refused, "(GDP)", "1234.5");
        assertThat(sheetTable.findElement(By.cssSelector("tr.row-result[data-cell='" + goodCell + "']"))
                .getAttribute("data-status")).isEqualTo("VALID");
        assertThat(newestRevision(accepted)).as("a check stores nothing").isEqualTo(acceptedRevision);
        console.browser().screenshot("exchange-workbook-checked");
        console.browser().assertAccessible("a workbook's check");

        // submitted: the good row is stored as the zone's next revision, the refused one is not
        console.browser().await(By.id("workbook-submit")).click();
        console.browser().awaitText(By.id("workbook-summary"), "已保存 1 条");
        WebElement stored = console.browser().await(By.cssSelector("#workbook-sheet-ETDZ tr.row-result[data-cell='"
                + goodCell + "']"));
        assertThat(stored.getAttribute("data-status")).isEqualTo("ACCEPTED");
        assertThat(stored.getText()).contains(accepted, "修订版本 " + (acceptedRevision + 1));
        assertThat(console.browser().await(By.cssSelector("#workbook-sheet-ETDZ tr.violation[data-cell='" + badCell + "']"))
                .isDisplayed()).isTrue();
        assertThat(newestRevision(accepted)).isEqualTo(acceptedRevision + 1);
        assertThat(newestRevision(refused)).isEqualTo(refusedRevision);
        console.browser().assertAccessible("a workbook's submission");

        // the zone shown on the data screen is read again: its form holds the value, its revisions the new one
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            assertThat(Double.parseDouble(console.browser().driver.findElement(By.id("value-GDP")).getAttribute("value")))
                    .isEqualTo(gdp);
            assertThat(console.browser().driver.findElement(By.cssSelector("#revisions-table tbody tr"))
                    .getAttribute("data-revision")).isEqualTo(String.valueOf(acceptedRevision + 1));
        });
        console.browser().screenshot("exchange-workbook-submitted");
        // and so is it after the page is loaded again
        console.browser().driver.navigate().refresh();
        console.browser().awaitLoaded();
        assertThat(Double.parseDouble(console.browser().await(By.id("value-GDP")).getAttribute("value"))).isEqualTo(gdp);

        // in English: the same check answers with English labels and messages
        console.browser().await(By.id("language")).click();
        console.browser().awaitText(By.id("workbook-heading"), "Excel workbook of Jiangsu");
        console.browser().awaitLoaded();
        console.browser().await(By.id("workbook-file")).sendKeys(filled.toAbsolutePath().toString());
        console.browser().await(By.id("workbook-check")).click();
        console.browser().awaitText(By.id("workbook-summary"), "Checked");
        WebElement english = console.browser().await(By.id("workbook-sheet-ETDZ"));
        assertThat(english.getText()).contains("Sheet ETDZ", "Errors (", "Zone rows checked (", badCell);
        assertThat(english.findElement(By.cssSelector("tr.violation[data-cell='" + badCell
                + "'][data-code='thousands-separator']")).getText())
                .doesNotContainPattern("\\p{IsHan}");
        assertThat(console.browser().await(By.id("workbook-template")).getText()).isEqualTo("Download the 2015 workbook (.xlsx)");
        console.browser().screenshot("exchange-workbook-checked-en");
        console.browser().assertAccessible("a workbook's check in English");
    }

    private static Row rowStartingWith(Sheet sheet, String text) {
        DataFormatter formatter = new DataFormatter();
        for (Row row : sheet) {
            if (row.getCell(0) != null && text.equals(formatter.formatCellValue(row.getCell(0)))) {
                return row;
            }
        }
        throw new AssertionError("no row of " + sheet.getSheetName() + " starts with " + text);
    }

    @Test
    @Order(2)
    void aCsvSavedByExcelOnChineseWindowsGoesInAsGb18030WithItsNoteIntact() throws IOException {
        List<String> zones = rankedZonesOfTheProvince();
        String zone = zones.get(zones.size() - 1);
        int revision = newestRevision(zone);
        Path csv = Files.createTempFile("exchange-batch", ".csv");
        Files.writeString(csv, "zone,period,indicator,value,note\r\n"
                + zone + "," + PERIOD + ",GDP,130.5,说明：初步核算\r\n"
                + zone + "," + PERIOD + ",TAX,16.2,\r\n"
                + zone + "," + PERIOD + ",EMPLOYEES,8.4,\r\n", Charset.forName("GB18030"));
        console.signIn(SUBMITTER);
        console.open("entry/" + PROVINCE + "?period=" + PERIOD);
        console.browser().await(By.id("batch-file")).sendKeys(csv.toAbsolutePath().toString());
        new Select(console.browser().await(By.id("batch-charset"))).selectByValue("GB18030");
        console.browser().await(By.id("batch-upload")).click();
        console.browser().awaitText(By.id("batch-summary"), "已保存 1 条");
        assertThat(newestRevision(zone)).isEqualTo(revision + 1);
        JsonPath submission = api("/submissions", Map.of("zone", zone, "period", PERIOD, "size", 1));
        assertThat(submission.getString("items[0].values.find { it.indicator == 'GDP' }.note")).isEqualTo("说明：初步核算");

        // the same bytes sent as UTF-8 are refused with the API's explanation, and nothing is stored
        new Select(console.browser().await(By.id("batch-charset"))).selectByValue("UTF-8");
        console.browser().await(By.id("batch-check")).click();
        WebElement problem = console.browser().await(By.cssSelector("#batch-results .problem"));
        assertThat(problem.getText()).contains("GB18030");
        assertThat(newestRevision(zone)).isEqualTo(revision + 1);
        console.browser().screenshot("exchange-batch-charset");
        console.browser().assertAccessible("a CSV batch in the wrong charset");
    }

    @Test
    @Order(1)
    void anAnalystExportsTheRankingAsExcelAndAZonesValuesAsSdmxCsv() throws IOException {
        console.signIn("demo-analyst");
        console.open("ranking?period=" + PERIOD + "&zoneType=" + ZONE_TYPE + "&province=" + PROVINCE);
        List<Map<String, Object>> ranking = api("/scores", Map.of("period", PERIOD, "zoneType", ZONE_TYPE,
                "province", PROVINCE, "size", 500)).getList("items");

        // Excel: the shown peer group and province, row by row as the API ranks it
        Path downloads = console.browser().downloadsInto("ranking");
        console.browser().await(By.id("export-xlsx")).click();
        Path xlsx = console.browser().awaitDownload(downloads);
        assertThat(xlsx.getFileName().toString()).endsWith(".xlsx").contains(ZONE_TYPE, PERIOD);
        console.browser().awaitText(By.id("ranking-export-status"), xlsx.getFileName().toString());
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Map<String, Integer> columns = new HashMap<>();
            sheet.getRow(0).forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
            List<String> exported = new ArrayList<>();
            List<Double> composites = new ArrayList<>();
            IntStream.rangeClosed(1, sheet.getLastRowNum()).mapToObj(sheet::getRow).forEach(row -> {
                exported.add(row.getCell(columns.get("zone")).getStringCellValue());
                Cell composite = row.getCell(columns.get("composite"));
                composites.add(composite == null ? null : composite.getNumericCellValue());
            });
            assertThat(exported).containsExactlyInAnyOrderElementsOf(ranking.stream().map(item -> (String) item.get("zone")).toList());
            String best = (String) ranking.get(0).get("zone");
            assertThat(composites.get(exported.indexOf(best)))
                    .isCloseTo(((Number) ranking.get(0).get("composite")).doubleValue(), offset(1e-6));
        }

        // CSV for Excel starts with the byte-order mark
        Path bomDownloads = console.browser().downloadsInto("ranking-bom");
        console.browser().await(By.id("export-csv-bom")).click();
        byte[] bom = Files.readAllBytes(console.browser().awaitDownload(bomDownloads));
        assertThat(bom).startsWith(0xEF, 0xBB, 0xBF);

        // SDMX-CSV of the ranking: the rows of the API's SDMX-CSV answer for the same query, one observation a row
        Path rankingSdmxDownloads = console.browser().downloadsInto("ranking-sdmx");
        console.browser().await(By.id("export-sdmx")).click();
        Path rankingSdmx = console.browser().awaitDownload(rankingSdmxDownloads);
        console.browser().awaitText(By.id("ranking-export-status"), rankingSdmx.getFileName().toString());
        List<String> observations = Files.readAllLines(rankingSdmx, StandardCharsets.UTF_8);
        String apiSdmx = given().header("Authorization", "Bearer " + console.stack().tokens().analyst())
                .queryParam("period", PERIOD).queryParam("zoneType", ZONE_TYPE).queryParam("province", PROVINCE)
                .queryParam("format", "sdmx-csv").get("/api/v1/exports/rankings").then().statusCode(200)
                .extract().asString();
        assertThat(observations.get(0)).startsWith("STRUCTURE,STRUCTURE_ID,ACTION,ZONE,MEASURE,TIME_PERIOD,OBS_VALUE");
        assertThat(observations).containsExactlyElementsOf(apiSdmx.lines().toList());
        assertThat(observations.subList(1, observations.size()))
                .allSatisfy(line -> assertThat(line).startsWith("dataflow,ETDZ:DF_ZONE_RANKING(1.0.0),I,"))
                .anySatisfy(line -> assertThat(line).startsWith("dataflow,ETDZ:DF_ZONE_RANKING(1.0.0),I,"
                        + ranking.get(0).get("zone") + ",COMPOSITE," + PERIOD + ","));
        assertThat(observations).hasSize(1 + ranking.size() * 8);
        console.browser().screenshot("exchange-ranking-exported");
        console.browser().assertAccessible("the ranking with its exports");

        // the province's report cards: the request goes out with the shown province and period; a zip when the
        // evaluation service answers, else the gateway's problem in the status line
        Path zipDownloads = console.browser().downloadsInto("report-cards");
        console.browser().script("performance.clearResourceTimings();");
        console.browser().await(By.id("report-cards-zip")).click();
        assertReportCardAsked("/api/v1/report-cards?province=" + PROVINCE + "&period=" + PERIOD, "report-cards-status",
                zipDownloads, new byte[] {'P', 'K'});

        // SDMX-CSV of a zone's values: the format's header, one observation a row, every row that zone's
        String zone = (String) ranking.get(0).get("zone");
        console.open("zone/" + zone + "?period=" + PERIOD + "&zoneType=" + ZONE_TYPE);
        Path sdmxDownloads = console.browser().downloadsInto("sdmx");
        console.browser().await(By.id("export-sdmx")).click();
        List<String> lines = Files.readAllLines(console.browser().awaitDownload(sdmxDownloads), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("STRUCTURE,STRUCTURE_ID,ACTION,ZONE,INDICATOR,TIME_PERIOD,OBS_VALUE");
        List<Object> json = given().header("Authorization", "Bearer " + console.stack().tokens().analyst())
                .queryParam("zone", zone).queryParam("format", "json").get("/api/v1/exports/values")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(lines.subList(1, lines.size())).hasSize(json.size())
                .allSatisfy(line -> assertThat(line).startsWith("dataflow,ETDZ:DF_ZONE_VALUES(1.0.0),I," + zone + ","));

        // the zone's report card of the shown period
        Path pdfDownloads = console.browser().downloadsInto("report-card");
        console.browser().script("performance.clearResourceTimings();");
        console.browser().await(By.id("report-card-pdf")).click();
        assertReportCardAsked("/api/v1/report-cards/" + zone + "?period=" + PERIOD, "report-card-status", pdfDownloads,
                new byte[] {'%', 'P', 'D', 'F'});
        console.browser().screenshot("exchange-zone-files");
        console.browser().assertAccessible("a zone's profile with its files");

        // English labels
        console.browser().await(By.id("language")).click();
        console.browser().awaitText(By.id("zone-export"), "Export this zone's values");
        console.browser().awaitLoaded();
        assertThat(console.browser().await(By.id("report-card-pdf")).getText()).isEqualTo("Report card " + PERIOD + " (PDF)");
        console.browser().screenshot("exchange-zone-files-en");
        console.open("ranking?period=" + PERIOD + "&zoneType=" + ZONE_TYPE + "&province=" + PROVINCE);
        assertThat(console.browser().await(By.id("export-csv-bom")).getText()).isEqualTo("CSV for Excel (with BOM)");
        assertThat(console.browser().await(By.id("report-cards-zip")).getText()).isEqualTo("All report cards of Jiangsu (zip)");
        console.browser().screenshot("exchange-ranking-exports-en");
        console.browser().assertAccessible("the ranking's exports in English");
    }

    /**
     * The console asked for a report card at this address (the browser's own record of the request) with the
     * signed-in person's token: the same request with the token answers the same status. On 200 the saved file is
     * the document; otherwise the console shows the problem in the status line and stays signed in.
     */
    private static void assertReportCardAsked(String address, String status, Path downloads, byte[] magic) throws IOException {
        String entry = "performance.getEntriesByType('resource').filter(e => e.name.endsWith('" + address + "'))"
                + ".map(e => e.responseStatus).pop()";
        console.browser().awaitScript("return " + entry + " !== undefined;");
        int seen = ((Number) console.browser().script("return " + entry + ";")).intValue();
        int direct = given().header("Authorization", "Bearer " + console.stack().tokens().analyst())
                .get(address).then().extract().statusCode();
        assertThat(seen).isEqualTo(direct);
        if (seen == 200) {
            assertThat(Files.readAllBytes(console.browser().awaitDownload(downloads))).startsWith(magic);
            console.browser().await(By.cssSelector("#" + status + " .download-saved"));
        } else {
            assertThat(seen).isEqualTo(404);
            assertThat(console.browser().await(By.cssSelector("#" + status + " .problem")).getText())
                    .contains("未找到");
            assertThat(console.browser().await(By.cssSelector(".masthead-nav")).isDisplayed()).as("still signed in").isTrue();
        }
    }

    @Test
    @Order(2)
    void aSubmitterIsOfferedItsOwnProvincesFilesOnly() {
        List<Map<String, Object>> ranking = api("/scores", Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "size", 500))
                .getList("items");
        Map<String, Object> elsewhere = ranking.stream().filter(item -> !PROVINCE.equals(item.get("province")))
                .findFirst().orElseThrow();
        String other = (String) elsewhere.get("province");
        String own = ranking.stream().filter(item -> PROVINCE.equals(item.get("province")))
                .map(item -> (String) item.get("zone")).findFirst().orElseThrow();
        console.signIn(SUBMITTER);
        console.open("ranking?period=" + PERIOD + "&zoneType=" + ZONE_TYPE);
        assertThat(console.browser().await(By.id("report-cards-zip")).getText()).contains("江苏省");
        console.open("ranking?period=" + PERIOD + "&zoneType=" + ZONE_TYPE + "&province=" + other);
        console.browser().await(By.id("export-xlsx"));
        assertThat(console.browser().all(By.id("report-cards-zip"))).isEmpty();

        // another province's zone: its scores show, but its values and report card are not offered (the API would
        // refuse them)
        console.open("zone/" + elsewhere.get("zone") + "?period=" + PERIOD + "&zoneType=" + ZONE_TYPE);
        console.browser().await(By.cssSelector("#radar-chart canvas"));
        assertThat(console.browser().all(By.cssSelector("#zone-files button"))).isEmpty();
        console.browser().screenshot("exchange-other-province-zone");
        console.browser().assertAccessible("another province's zone");

        console.open("zone/" + own + "?period=" + PERIOD + "&zoneType=" + ZONE_TYPE);
        console.browser().await(By.id("export-csv"));
        assertThat(console.browser().await(By.id("report-card-pdf")).isDisplayed()).isTrue();
    }
}
