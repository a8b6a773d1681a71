package cn.etdz.indicator.workbook;

import cn.etdz.indicator.catalogue.CatalogueService;
import cn.etdz.indicator.catalogue.IndicatorView;
import cn.etdz.indicator.catalogue.ValueType;
import cn.etdz.indicator.submission.SubmissionQueries;
import cn.etdz.indicator.zone.ZoneService;
import cn.etdz.indicator.zone.ZoneType;
import cn.etdz.indicator.zone.ZoneView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes the workbook a province fills in for a period: a sheet per zone type with a row per zone of the province
 * (code and name locked, the sheet protected without a password so only the value cells can be typed in), a column
 * per indicator the type reports with Chinese and English name and unit, required columns marked, each value cell
 * validated against the catalogue's range; and a sheet per type with the newest values of the year before.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkbookTemplate {

    @Inject
    ZoneService zones;
    @Inject
    CatalogueService catalogue;
    @Inject
    SubmissionQueries queries;

    public byte[] write(String province, String period, WorkbookLabels labels) {
        String previous = String.valueOf(Integer.parseInt(period) - 1);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            for (ZoneType type : ZoneType.values()) {
                List<ZoneView> zonesOfType = zones.inProvince(province, type);
                List<IndicatorView> indicators = columns(type);
                XSSFSheet sheet = workbook.createSheet(type.name());
                header(sheet, indicators, styles, labels, labels.title().formatted(province, period, type.name()));
                zoneRows(sheet, zonesOfType, indicators, styles, Map.of());
                validations(sheet, indicators, zonesOfType.size(), labels);
                sheet.enableLocking();
            }
            for (ZoneType type : ZoneType.values()) {
                List<ZoneView> zonesOfType = zones.inProvince(province, type);
                List<IndicatorView> indicators = columns(type);
                XSSFSheet sheet = workbook.createSheet(labels.previousSheet() + " " + type.name());
                header(sheet, indicators, styles, labels, labels.previousTitle().formatted(province, previous));
                zoneRows(sheet, zonesOfType, indicators, styles,
                        queries.newestValues(zonesOfType.stream().map(ZoneView::code).toList(), previous));
                sheet.enableLocking();
            }
            Sheet meta = workbook.createSheet(WorkbookLayout.META_SHEET);
            meta.createRow(0).createCell(0).setCellValue(WorkbookLayout.PROVINCE);
            meta.getRow(0).createCell(1).setCellValue(province);
            meta.createRow(1).createCell(0).setCellValue(WorkbookLayout.PERIOD);
            meta.getRow(1).createCell(1).setCellValue(period);
            workbook.setSheetVisibility(workbook.getSheetIndex(meta), SheetVisibility.VERY_HIDDEN);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The indicators a type reports, required ones first, then by code. */
    private List<IndicatorView> columns(ZoneType type) {
        return catalogue.list(type, null).stream()
                .sorted(Comparator.comparing((IndicatorView indicator) -> !indicator.required()).thenComparing(IndicatorView::code))
                .toList();
    }

    private static void header(Sheet sheet, List<IndicatorView> indicators, Styles styles, WorkbookLabels labels,
                               String title) {
        int lastColumn = WorkbookLayout.FIRST_INDICATOR_COLUMN + indicators.size() - 1;
        Row titleRow = sheet.createRow(WorkbookLayout.TITLE_ROW);
        Cell titleCell = titleRow.createCell(0);
        titleCell.setCellValue(title);
        titleCell.setCellStyle(styles.title);
        sheet.addMergedRegion(new CellRangeAddress(WorkbookLayout.TITLE_ROW, WorkbookLayout.TITLE_ROW, 0, lastColumn));
        Row name = sheet.createRow(WorkbookLayout.NAME_ROW);
        Row nameEn = sheet.createRow(WorkbookLayout.NAME_EN_ROW);
        Row unit = sheet.createRow(WorkbookLayout.UNIT_ROW);
        Row code = sheet.createRow(WorkbookLayout.CODE_ROW);
        text(name, WorkbookLayout.ZONE_COLUMN, labels.zoneCode(), styles.header);
        text(name, WorkbookLayout.ZONE_NAME_COLUMN, labels.zoneName(), styles.header);
        for (Row under : List.of(nameEn, unit)) {
            text(under, WorkbookLayout.ZONE_COLUMN, "", styles.header);
            text(under, WorkbookLayout.ZONE_NAME_COLUMN, "", styles.header);
        }
        // The zone columns' label spans the three header rows, as statistical returns print it.
        sheet.addMergedRegion(new CellRangeAddress(WorkbookLayout.NAME_ROW, WorkbookLayout.UNIT_ROW, 0, 0));
        sheet.addMergedRegion(new CellRangeAddress(WorkbookLayout.NAME_ROW, WorkbookLayout.UNIT_ROW, 1, 1));
        text(code, WorkbookLayout.ZONE_COLUMN, WorkbookLayout.ZONE_CODE, styles.code);
        text(code, WorkbookLayout.ZONE_NAME_COLUMN, WorkbookLayout.ZONE_NAME_CODE, styles.code);
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorView indicator = indicators.get(i);
            int column = WorkbookLayout.FIRST_INDICATOR_COLUMN + i;
            text(name, column, indicator.name() + (indicator.required() ? labels.required() : ""),
                    indicator.required() ? styles.requiredHeader : styles.header);
            text(nameEn, column, indicator.nameEn(), styles.header);
            text(unit, column, indicator.unit(), styles.header);
            text(code, column, indicator.code(), styles.code);
            sheet.setColumnWidth(column, 16 * 256);
        }
        sheet.setColumnWidth(WorkbookLayout.ZONE_COLUMN, 22 * 256);
        sheet.setColumnWidth(WorkbookLayout.ZONE_NAME_COLUMN, 30 * 256);
        sheet.createFreezePane(WorkbookLayout.FIRST_INDICATOR_COLUMN, WorkbookLayout.FIRST_ZONE_ROW);
    }

    private static void zoneRows(Sheet sheet, List<ZoneView> zonesOfType, List<IndicatorView> indicators, Styles styles,
                                 Map<String, Map<String, Double>> values) {
        for (int z = 0; z < zonesOfType.size(); z++) {
            ZoneView zone = zonesOfType.get(z);
            Row row = sheet.createRow(WorkbookLayout.FIRST_ZONE_ROW + z);
            text(row, WorkbookLayout.ZONE_COLUMN, zone.code(), styles.locked);
            text(row, WorkbookLayout.ZONE_NAME_COLUMN, zone.name(), styles.locked);
            Map<String, Double> zoneValues = values.getOrDefault(zone.code(), Map.of());
            for (int i = 0; i < indicators.size(); i++) {
                Cell cell = row.createCell(WorkbookLayout.FIRST_INDICATOR_COLUMN + i);
                cell.setCellStyle(values.isEmpty() ? styles.input : styles.locked);
                Double value = zoneValues.get(indicators.get(i).code());
                if (value != null) {
                    cell.setCellValue(value);
                }
            }
        }
    }

    private static void validations(Sheet sheet, List<IndicatorView> indicators, int zoneCount, WorkbookLabels labels) {
        if (zoneCount == 0) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorView indicator = indicators.get(i);
            int column = WorkbookLayout.FIRST_INDICATOR_COLUMN + i;
            String min = plain(indicator.minValue());
            boolean bounded = indicator.maxValue() != null;
            String max = bounded ? plain(indicator.maxValue()) : null;
            int type = indicator.valueType() == ValueType.COUNT || indicator.valueType() == ValueType.YES_NO
                    ? DataValidationConstraint.ValidationType.INTEGER : DataValidationConstraint.ValidationType.DECIMAL;
            DataValidationConstraint constraint = bounded
                    ? helper.createNumericConstraint(type, DataValidationConstraint.OperatorType.BETWEEN, min, max)
                    : helper.createNumericConstraint(type, DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, min, null);
            DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(
                    WorkbookLayout.FIRST_ZONE_ROW, WorkbookLayout.FIRST_ZONE_ROW + zoneCount - 1, column, column));
            validation.setShowErrorBox(true);
            validation.setEmptyCellAllowed(true);
            validation.createErrorBox(labels.rangeTitle(),
                    bounded ? labels.range().formatted(min, max) : labels.rangeOpen().formatted(min));
            sheet.addValidationData(validation);
        }
    }

    private static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    private static void text(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text == null ? "" : text);
        cell.setCellStyle(style);
    }

    /** The few cell styles of the template; a workbook holds each style once. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle requiredHeader;
        final CellStyle code;
        final CellStyle locked;
        final CellStyle input;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font red = workbook.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.DARK_RED.getIndex());
            Font grey = workbook.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            title = workbook.createCellStyle();
            title.setFont(bold);
            header = shaded(workbook, bold);
            header.setWrapText(true);
            requiredHeader = shaded(workbook, red);
            requiredHeader.setWrapText(true);
            code = shaded(workbook, grey);
            locked = shaded(workbook, null);
            input = workbook.createCellStyle();
            input.setLocked(false);
            input.setBorderBottom(BorderStyle.THIN);
            input.setBorderRight(BorderStyle.THIN);
        }

        private static CellStyle shaded(XSSFWorkbook workbook, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setLocked(true);
            if (font != null) {
                style.setFont(font);
            }
            return style;
        }
    }
}
