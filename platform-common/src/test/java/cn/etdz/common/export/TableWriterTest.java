package cn.etdz.common.export;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableWriterTest {

    private static final List<String> HEADER = List.of("zone", "value", "note");
    private static final List<?> MALICIOUS = Arrays.asList("SUZHOU-IP", -12.5, "=HYPERLINK(\"http://x\",\"点击\")");

    @Test
    void csvNeutralisesFormulaTextQuotesWhereNeededAndKeepsNumbersNumbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter csv = TableWriter.csv(out, false)) {
            csv.row(HEADER);
            csv.row(MALICIOUS);
            csv.row(Arrays.asList("A", 1.0E7, "+1"));
            csv.row(Arrays.asList("B", null, "@sum, \"x\"\nnext"));
            csv.row(Arrays.asList("C", 3, "\tTAB"));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("zone,value,note\r\n"
                + "SUZHOU-IP,-12.5,\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"\r\n"
                + "A,10000000,'+1\r\n"
                + "B,,\"'@sum, \"\"x\"\"\nnext\"\r\n"
                + "C,3,'\tTAB\r\n");
    }

    @Test
    void csvForExcelStartsWithTheByteOrderMark() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter csv = TableWriter.csv(out, true)) {
            csv.row(HEADER);
        }
        assertThat(out.toByteArray()).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void xlsxWritesTextAsStringCellsNeverFormulasAndNumbersAsNumbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter xlsx = TableWriter.xlsx(out, "指标值")) {
            xlsx.row(HEADER);
            xlsx.row(MALICIOUS);
        }
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("指标值");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("note");
            var row = sheet.getRow(1);
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(-12.5);
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\",\"点击\")");
        }
    }

    @Test
    void aTableLongerThanASheetContinuesOnTheNextWithTheHeaderRepeated() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter xlsx = new XlsxTableWriter(out, "values", 3)) {
            xlsx.row(HEADER);
            for (int i = 0; i < 5; i++) {
                xlsx.row(List.of("Z" + i, i, "n"));
            }
        }
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(2)).isEqualTo("values 3");
            Sheet last = workbook.getSheetAt(2);
            assertThat(last.getRow(0).getCell(0).getStringCellValue()).isEqualTo("zone");
            assertThat(last.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Z4");
            assertThat(last.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void xlsxSendsItsFirstRowsBeforeTheTableEnds() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter xlsx = TableWriter.xlsx(out, "values")) {
            xlsx.row(HEADER);
            for (int i = 0; i < 2_000; i++) {
                xlsx.row(List.of("Z" + i, i, "note " + i));
            }
            assertThat(out.size()).as("bytes on the wire while the export is still running").isGreaterThan(10_000);
        }
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("values");
            assertThat(sheet.getLastRowNum()).isEqualTo(2_000);
            assertThat(sheet.getRow(2_000).getCell(2).getStringCellValue()).isEqualTo("note 1999");
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
        }
    }

    @Test
    void anEmptyXlsxExportIsAWorkbookWithItsSheet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter.xlsx(out, "values").close();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("values");
        }
    }
}
