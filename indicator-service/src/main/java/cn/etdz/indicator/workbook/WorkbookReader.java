package cn.etdz.indicator.workbook;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.submission.SubmissionRequest;
import cn.etdz.indicator.zone.ZoneType;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a filled workbook into submissions, one per zone row of a sheet named by a zone type, remembering which cell
 * each value came from. Hidden and protected sheets are read like any other (hiding and protection are how a
 * spreadsheet is viewed, not what it holds); merged header cells do not matter, since columns are found by the code
 * row. An empty cell is a missing value; a row without any value is left out (that zone is not submitted). A formula
 * cell is read by its stored result; a formula without one is refused.
 */
final class WorkbookReader {

    /** Largest part of the zip (a sheet's XML) that is expanded; a national workbook's sheet is a few megabytes. */
    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    static {
        // Refuse zip bombs: a part that expands more than 100-fold or beyond the size above is not read.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private static final Set<String> ZONE_TYPES = Arrays.stream(ZoneType.values()).map(Enum::name).collect(Collectors.toSet());
    private static final int CODE_ROW_SEARCH = 20;

    /**
     * One zone row as a submission.
     *
     * @param zoneCell     the cell of the zone code, e.g. {@code ETDZ!A7}
     * @param valueCells   the cell of each value of the request, in the order of its values
     * @param columnCells  every indicator column's cell in this row, by indicator code (where a missing value belongs)
     * @param readProblems why a value could not be read, by the request's field ({@code values[2].value})
     * @param notices      values read with a remark (a number stored as text), by the request's field
     */
    record Located(SubmissionRequest request, String zoneCell, List<String> valueCells, Map<String, String> columnCells,
                   List<Violation> readProblems, List<Violation> notices) {
    }

    /** The province and period the workbook was made for, and its rows. */
    record Read(String province, String period, List<Located> rows) {
    }

    private WorkbookReader() {
    }

    static Read read(byte[] body, int maxRows) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest(Message.of("indicator.workbook.empty-body"),
                    List.of(new Violation("$", "required", Message.of("indicator.workbook.upload-filled"))));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Map<String, String> meta = meta(workbook);
            String period = meta.get(WorkbookLayout.PERIOD);
            List<Located> rows = new ArrayList<>();
            for (Sheet sheet : workbook) {
                if (ZONE_TYPES.contains(sheet.getSheetName())) {
                    readSheet(sheet, period, rows, maxRows);
                }
            }
            return new Read(meta.get(WorkbookLayout.PROVINCE), period, rows);
        } catch (IOException | NotOfficeXmlFileException | POIXMLException e) {
            throw unreadable(e);
        }
    }

    private static ProblemException unreadable(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Zip bomb") || message.contains("exceeds the max")) {
            return new ProblemException(413, "workbook-too-large", Message.of("indicator.workbook.too-large.title"),
                    Message.of("indicator.workbook.expands", MAX_ENTRY_BYTES / (1024 * 1024)), List.of());
        }
        return ProblemException.badRequest(Message.of("indicator.workbook.unreadable"),
                List.of(new Violation("$", "unreadable", message.lines().findFirst().orElse(""))));
    }

    private static Map<String, String> meta(XSSFWorkbook workbook) {
        Sheet meta = workbook.getSheet(WorkbookLayout.META_SHEET);
        Map<String, String> values = new LinkedHashMap<>();
        if (meta != null) {
            DataFormatter formatter = new DataFormatter();
            for (Row row : meta) {
                values.put(formatter.formatCellValue(row.getCell(0)).strip(), formatter.formatCellValue(row.getCell(1)).strip());
            }
        }
        if (values.getOrDefault(WorkbookLayout.PROVINCE, "").isEmpty() || values.getOrDefault(WorkbookLayout.PERIOD, "").isEmpty()) {
            throw ProblemException.badRequest(Message.of("indicator.workbook.not-a-template"),
                    List.of(new Violation("$", "not-a-template", Message.of("indicator.workbook.meta-missing"))));
        }
        return values;
    }

    private static void readSheet(Sheet sheet, String period, List<Located> rows, int maxRows) {
        String name = sheet.getSheetName();
        Row codes = codeRow(sheet);
        Map<Integer, String> indicators = new LinkedHashMap<>();
        for (int column = WorkbookLayout.FIRST_INDICATOR_COLUMN; column < Math.max(0, codes.getLastCellNum()); column++) {
            String code = text(codes.getCell(column));
            if (!code.isEmpty()) {
                indicators.put(column, code);
            }
        }
        int dataRows = sheet.getLastRowNum() - codes.getRowNum();
        if (rows.size() + dataRows > maxRows) {
            throw new ProblemException(413, "workbook-too-large", Message.of("indicator.workbook.too-large.title"),
                    Message.of("indicator.workbook.too-many-rows", maxRows, name, dataRows), List.of());
        }
        for (int r = codes.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                readRow(name, row, indicators, period).ifPresent(rows::add);
            }
        }
    }

    private static Row codeRow(Sheet sheet) {
        for (int r = 0; r <= Math.min(sheet.getLastRowNum(), CODE_ROW_SEARCH); r++) {
            Row row = sheet.getRow(r);
            if (row != null && text(row.getCell(WorkbookLayout.ZONE_COLUMN)).equals(WorkbookLayout.ZONE_CODE)) {
                return row;
            }
        }
        throw ProblemException.badRequest(Message.of("indicator.workbook.no-code-row", sheet.getSheetName(),
                WorkbookLayout.ZONE_CODE), List.of(new Violation(sheet.getSheetName(), "no-code-row",
                Message.of("indicator.workbook.restore-code-row"))));
    }

    private static Optional<Located> readRow(String sheet, Row row, Map<Integer, String> indicators, String period) {
        String zone = text(row.getCell(WorkbookLayout.ZONE_COLUMN));
        List<SubmissionRequest.Value> values = new ArrayList<>();
        List<String> valueCells = new ArrayList<>();
        Map<String, String> columnCells = new LinkedHashMap<>();
        List<Violation> problems = new ArrayList<>();
        List<Violation> notices = new ArrayList<>();
        indicators.forEach((column, indicator) -> {
            String cellName = WorkbookLayout.cell(sheet, row.getRowNum(), column);
            columnCells.put(indicator, cellName);
            Cell cell = row.getCell(column);
            CellNumbers.Reading reading = reading(cell);
            if (reading == null) {
                return;
            }
            String field = "values[" + values.size() + "].value";
            if (reading.problem() != null) {
                problems.add(new Violation(field, reading.code(), reading.problem().about(indicator)));
            } else if (reading.code() != null) {
                notices.add(new Violation(field, reading.code(), Message.of("indicator.workbook.read-as-number", indicator,
                        plain(reading.value()))));
            }
            values.add(new SubmissionRequest.Value(indicator, reading.value(), null, null));
            valueCells.add(cellName);
        });
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Located(new SubmissionRequest(zone.isEmpty() ? null : zone, period, values),
                WorkbookLayout.cell(sheet, row.getRowNum(), WorkbookLayout.ZONE_COLUMN), valueCells, columnCells,
                problems, notices));
    }

    /** The number in a cell, a refusal, or null for an empty cell (a missing value). */
    private static CellNumbers.Reading reading(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            if (cell instanceof XSSFCell xssf && !xssf.getCTCell().isSetV()) {
                return CellNumbers.Reading.refused("formula-without-result", "indicator.workbook.formula-without-result",
                        cell.getCellFormula());
            }
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case NUMERIC -> CellNumbers.Reading.of(cell.getNumericCellValue());
            case STRING -> {
                String text = cell.getStringCellValue();
                if (text.isBlank()) {
                    yield null;
                }
                CellNumbers.Reading read = CellNumbers.read(text);
                yield read.problem() == null
                        ? new CellNumbers.Reading(read.value(), "number-stored-as-text", null) : read;
            }
            case BOOLEAN -> CellNumbers.Reading.refused("not-a-number", "indicator.workbook.boolean",
                    cell.getBooleanCellValue() ? "TRUE" : "FALSE");
            case ERROR -> CellNumbers.Reading.refused("cell-error", "indicator.workbook.cell-error",
                    FormulaError.forInt(cell.getErrorCellValue()).getString());
            default -> null;
        };
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.STRING
                || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.STRING) {
            return cell.getStringCellValue().strip();
        }
        return new DataFormatter().formatCellValue(cell).strip();
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
