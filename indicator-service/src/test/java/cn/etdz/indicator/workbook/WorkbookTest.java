package cn.etdz.indicator.workbook;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static cn.etdz.indicator.IndicatorTestSupport.addIndicator;
import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.submission;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The workbook template downloaded, filled with POI as a person fills it in Excel, uploaded and read back. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class WorkbookTest {

    static final String XLSX = WorkbookResource.XLSX;

    private static RequestSpecification upload(String token, byte[] workbook) {
        return as(token).contentType(XLSX).body(workbook);
    }

    static XSSFWorkbook download(String token, String province, String period, String language) throws IOException {
        byte[] body = as(token).header("Accept-Language", language)
                .queryParam("province", province).queryParam("period", period)
                .get("/api/v1/submissions/workbook")
                .then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"submissions-" + province + "-" + period + ".xlsx\"")
                .extract().asByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(body));
    }

    static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.close();
        return out.toByteArray();
    }

    /** The row of a zone and the column of an indicator, found by the template's code row and code column. */
    static Cell cell(Sheet sheet, String zone, String indicator) {
        Row codes = sheet.getRow(WorkbookLayout.CODE_ROW);
        int column = -1;
        for (Cell code : codes) {
            if (code.getStringCellValue().equals(indicator)) {
                column = code.getColumnIndex();
            }
        }
        for (int r = WorkbookLayout.FIRST_ZONE_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row.getCell(0).getStringCellValue().equals(zone)) {
                return row.getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            }
        }
        throw new AssertionError(zone + " has no row in " + sheet.getSheetName());
    }

    static String name(Cell cell) {
        return cell.getSheet().getSheetName() + "!" + cell.getAddress().formatAsString();
    }

    @Test
    void theTemplateListsTheProvincesZonesWithLockedCodesAndValidatedCells() throws IOException {
        String zone = registerZone("WT", "ETDZ", "640000");
        String border = registerZone("WTB", "BECZ", "640000");
        as(tokens().admin()).body(submission(zone, "2015", 80.5)).post("/api/v1/submissions").then().statusCode(201);

        try (XSSFWorkbook workbook = download(tokens().submitter("640000"), "640000", "2016", "zh-CN")) {
            assertThat(workbook.getSheetName(0)).isEqualTo("ETDZ");
            assertThat(workbook.getSheetName(1)).isEqualTo("BECZ");
            assertThat(workbook.getSheetVisibility(workbook.getSheetIndex(WorkbookLayout.META_SHEET)))
                    .isEqualTo(SheetVisibility.VERY_HIDDEN);
            XSSFSheet etdz = workbook.getSheet("ETDZ");
            assertThat(etdz.getProtect()).as("protected: only the value cells can be typed in").isTrue();
            Cell gdp = cell(etdz, zone, "GDP");
            assertThat(gdp.getCellStyle().getLocked()).isFalse();
            assertThat(etdz.getRow(gdp.getRowIndex()).getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(etdz.getRow(gdp.getRowIndex()).getCell(1).getStringCellValue()).isEqualTo("测试开发区");
            assertThat(etdz.getRow(WorkbookLayout.NAME_ROW).getCell(gdp.getColumnIndex()).getStringCellValue())
                    .isEqualTo("地区生产总值（必填）");
            assertThat(etdz.getRow(WorkbookLayout.NAME_EN_ROW).getCell(gdp.getColumnIndex()).getStringCellValue())
                    .isEqualTo("Gross regional product");
            assertThat(etdz.getRow(WorkbookLayout.UNIT_ROW).getCell(gdp.getColumnIndex()).getStringCellValue())
                    .isEqualTo("亿元");
            List<String> etdzColumns = new ArrayList<>();
            etdz.getRow(WorkbookLayout.CODE_ROW).forEach(code -> etdzColumns.add(code.getStringCellValue()));
            int etdzIndicators = as(tokens().analyst()).queryParam("zoneType", "ETDZ").get("/api/v1/indicators")
                    .then().extract().jsonPath().getList("code").size();
            assertThat(etdzColumns).startsWith("zone", "name").doesNotContain("BORDER_TRADE").hasSize(2 + etdzIndicators);
            List<String> shares = new ArrayList<>();
            for (DataValidation validation : etdz.getDataValidations()) {
                if (validation.getValidationConstraint().getFormula2() != null) {
                    shares.add(validation.getValidationConstraint().getFormula1() + "-"
                            + validation.getValidationConstraint().getFormula2());
                }
            }
            assertThat(shares).as("shares 0–100, yes/no 0–1").contains("0-100", "0-1");
            assertThat(cell(workbook.getSheet("BECZ"), border, "BORDER_TRADE")).isNotNull();

            Sheet previous = workbook.getSheet("上年数据 ETDZ");
            assertThat(cell(previous, zone, "GDP").getNumericCellValue()).isEqualTo(80.5);
            assertThat(cell(previous, zone, "EMPLOYEES").getNumericCellValue()).isEqualTo(12.5);
        }
    }

    @Test
    void englishLabelsWhenAskedFor() throws IOException {
        registerZone("WE", "ETDZ", "640000");
        try (XSSFWorkbook workbook = download(tokens().admin(), "640000", "2016", "en-GB,en;q=0.9,zh;q=0.5")) {
            assertThat(workbook.getSheet("ETDZ").getRow(WorkbookLayout.NAME_ROW).getCell(0).getStringCellValue())
                    .isEqualTo("Zone code");
            assertThat(workbook.getSheet("Previous year ETDZ")).isNotNull();
        }
    }

    @Test
    void aFilledTemplateIsStoredAndEveryProblemNamedByItsCell() throws IOException {
        // rows are ordered by zone code: WA-… before WB-…
        String good = registerZone("WA", "ETDZ", "650000");
        String bad = registerZone("WB", "ETDZ", "650000");
        String idle = registerZone("WI", "ETDZ", "650000");
        String submitter = tokens().submitter("650000");
        XSSFWorkbook workbook = download(submitter, "650000", "2017", "zh-CN");
        Sheet etdz = workbook.getSheet("ETDZ");
        cell(etdz, good, "GDP").setCellValue(120.5);
        cell(etdz, good, "TAX").setCellValue("12.5");
        Cell employees = cell(etdz, good, "EMPLOYEES");
        employees.setCellFormula("1+2");
        workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(employees);
        cell(etdz, good, "SOCIAL_INS").setCellValue(0);
        Cell separated = cell(etdz, bad, "GDP");
        separated.setCellValue("1,234.5");
        Cell fullWidth = cell(etdz, bad, "TAX");
        fullWidth.setCellValue("１２");
        Cell negative = cell(etdz, bad, "EMPLOYEES");
        negative.setCellValue(-3);
        byte[] filled = bytes(workbook);

        upload(submitter, filled).queryParam("dryRun", "true").post("/api/v1/submissions/workbook").then()
                .statusCode(200).body("results.status", contains("VALID", "REJECTED"));
        as(tokens().analyst()).queryParam("zone", good).get("/api/v1/submissions").then().body("total", equalTo(0));

        ValidatableResponse answer = upload(submitter, filled).header("Idempotency-Key", "ningxia-2017")
                .post("/api/v1/submissions/workbook").then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("results.zone", contains(good, bad))
                .body("results[0].cell", equalTo(name(etdz.getRow(cell(etdz, good, "GDP").getRowIndex()).getCell(0))))
                .body("results[0].warnings.find { it.code == 'number-stored-as-text' }.cell",
                        equalTo(name(cell(etdz, good, "TAX"))))
                .body("results[1].violations.find { it.code == 'thousands-separator' }.cell", equalTo(name(separated)))
                .body("results[1].violations.find { it.code == 'thousands-separator' }.indicator", equalTo("GDP"))
                .body("results[1].violations.find { it.code == 'thousands-separator' }.message",
                        equalTo("GDP: '1,234.5' holds thousands separators; type 1234.5 without them."))
                .body("results[1].violations.find { it.code == 'full-width-digits' }.cell", equalTo(name(fullWidth)))
                .body("results[1].violations.find { it.code == 'out-of-range' }.cell", equalTo(name(negative)))
                .body("results.zone", org.hamcrest.Matchers.not(hasItem(idle)));
        String first = answer.extract().asString();

        upload(submitter, filled).header("Idempotency-Key", "ningxia-2017").post("/api/v1/submissions/workbook").then()
                .statusCode(200).header("Idempotency-Replayed", "true")
                .body(equalTo(first));

        as(tokens().analyst()).queryParam("zone", good).get("/api/v1/submissions").then()
                .body("total", equalTo(1))
                .body("items[0].period", equalTo("2017"))
                .body("items[0].values.indicator", contains("EMPLOYEES", "GDP", "TAX", "SOCIAL_INS"))
                .body("items[0].values.value", contains(3.0f, 120.5f, 12.5f, 0.0f));
        as(tokens().analyst()).queryParam("zone", bad).get("/api/v1/submissions").then().body("total", equalTo(0));
    }

    @Test
    void aMissingRequiredValueAndAFormulaWithoutResultAreNamedByCell() throws IOException {
        String zone = registerZone("WF", "ETDZ", "650000");
        String submitter = tokens().submitter("650000");
        XSSFWorkbook workbook = download(submitter, "650000", "2018", "zh-CN");
        Sheet etdz = workbook.getSheet("ETDZ");
        cell(etdz, zone, "GDP").setCellValue(50);
        XSSFCell formula = (XSSFCell) cell(etdz, zone, "EMPLOYEES");
        formula.setCellFormula("SUM(C9:C12)");
        if (formula.getCTCell().isSetV()) {
            formula.getCTCell().unsetV();
        }
        Cell tax = cell(etdz, zone, "TAX");

        upload(submitter, bytes(workbook)).post("/api/v1/submissions/workbook").then().statusCode(200)
                .body("rejected", equalTo(1))
                .body("results[0].violations.find { it.code == 'formula-without-result' }.cell", equalTo(name(formula)))
                .body("results[0].violations.find { it.code == 'missing-required' }.cell", equalTo(name(tax)))
                .body("results[0].violations.find { it.code == 'missing-required' }.indicator", equalTo("TAX"));
    }

    /** The fixture's zones have fixed codes; the test database lives as long as the test JVM. */
    private static void registerFixed(String code, String type) {
        int status = as(tokens().admin()).body("""
                        {"code": "%s", "name": "青海测试区", "type": "%s", "province": "630000"}""".formatted(code, type))
                .post("/api/v1/zones").statusCode();
        assertThat(status).isIn(201, 409);
    }

    @Test
    void aWorkbookSavedByLibreOfficeIsReadThroughMergedHeadersFormulasHiddenAndProtectedSheets() throws IOException {
        registerFixed("LO-FIX-A", "ETDZ");
        registerFixed("LO-FIX-B", "ETDZ");
        registerFixed("LO-FIX-C", "BECZ");
        byte[] fixture;
        try (var in = WorkbookTest.class.getResourceAsStream("/workbooks/libreoffice-filled.xlsx")) {
            fixture = in.readAllBytes();
        }
        upload(tokens().submitter("630000"), fixture).post("/api/v1/submissions/workbook").then().statusCode(200)
                .body("results.zone", contains("LO-FIX-A", "LO-FIX-B", "LO-FIX-C"))
                .body("results.status", contains("ACCEPTED", "REJECTED", "ACCEPTED"))
                .body("results[1].violations.find { it.code == 'thousands-separator' }.cell", equalTo("ETDZ!C7"))
                .body("results[1].violations.find { it.code == 'full-width-digits' }.cell", equalTo("ETDZ!D7"))
                .body("results[1].violations.find { it.code == 'full-width-digits' }.message",
                        equalTo("TAX: '１２' is written in full-width characters; type 12 in half-width digits."));

        as(tokens().analyst()).queryParam("zone", "LO-FIX-A").get("/api/v1/submissions").then()
                .body("items[0].period", equalTo("2016"))
                .body("items[0].values.indicator", contains("GDP", "TAX", "EMPLOYEES"))
                .body("items[0].values.value", contains(120.5f, 12.5f, 3.0f));
        as(tokens().analyst()).queryParam("zone", "LO-FIX-C").get("/api/v1/submissions").then()
                .body("items[0].values.indicator", contains("GDP", "TAX", "EMPLOYEES", "BORDER_TRADE"));
    }

    @Test
    void submittersOfAnotherProvinceGetNeitherTheTemplateNorTheirUploadStored() throws IOException {
        String zone = registerZone("WX", "ETDZ", "640000");
        as(tokens().submitter("320000")).queryParam("province", "640000").queryParam("period", "2016")
                .get("/api/v1/submissions/workbook").then().statusCode(403);
        XSSFWorkbook workbook = download(tokens().admin(), "640000", "2016", "zh-CN");
        Sheet etdz = workbook.getSheet("ETDZ");
        cell(etdz, zone, "GDP").setCellValue(10);
        cell(etdz, zone, "TAX").setCellValue(1);
        cell(etdz, zone, "EMPLOYEES").setCellValue(1);

        upload(tokens().submitter("320000"), bytes(workbook)).post("/api/v1/submissions/workbook").then()
                .statusCode(403).contentType("application/problem+json");
        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions").then().body("total", equalTo(0));
    }

    @Test
    void whatIsNotATemplateIsRefusedWithAProblem() throws IOException {
        upload(tokens().admin(), "zone,period\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/submissions/workbook").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].code", equalTo("unreadable"));
        XSSFWorkbook plain = new XSSFWorkbook();
        plain.createSheet("ETDZ").createRow(0).createCell(0).setCellValue("zone");
        upload(tokens().admin(), bytes(plain)).post("/api/v1/submissions/workbook").then().statusCode(400)
                .body("violations[0].code", equalTo("not-a-template"));
        as(tokens().admin()).queryParam("province", "123456").queryParam("period", "2016")
                .get("/api/v1/submissions/workbook").then().statusCode(400)
                .body("violations[0].field", equalTo("province"));
        as(tokens().admin()).queryParam("province", "640000").get("/api/v1/submissions/workbook").then().statusCode(400)
                .body("violations[0].field", equalTo("period"))
                .body("violations[0].code", equalTo("required"));
    }

    @Test
    void anIndicatorAnAdminAddedGetsAColumnOfTheTemplateAndIsRead() throws IOException {
        String indicator = addIndicator("WBK");
        String zone = registerZone("WN", "ETDZ", "630000");
        String submitter = tokens().submitter("630000");
        XSSFWorkbook workbook = download(submitter, "630000", "2016", "en");
        Sheet etdz = workbook.getSheet("ETDZ");
        Cell added = cell(etdz, zone, indicator);
        assertThat(added.getCellStyle().getLocked()).isFalse();
        assertThat(etdz.getRow(WorkbookLayout.NAME_EN_ROW).getCell(added.getColumnIndex()).getStringCellValue())
                .isEqualTo("Green coverage");
        cell(etdz, zone, "GDP").setCellValue(60);
        cell(etdz, zone, "TAX").setCellValue(6);
        cell(etdz, zone, "EMPLOYEES").setCellValue(3);
        added.setCellValue(41.5);

        upload(submitter, bytes(workbook)).post("/api/v1/submissions/workbook").then().statusCode(200)
                .body("accepted", equalTo(1));
        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions").then()
                .body("items[0].values.find { it.indicator == '%s' }.value".formatted(indicator), equalTo(41.5f));
    }
}
