package cn.etdz.indicator.workbook;

import org.apache.poi.ss.util.CellReference;

/**
 * Where things sit in a submission workbook, shared by the template writer and the reader. One sheet per zone type,
 * named by the type (ETDZ, BECZ), so a problem is named {@code ETDZ!F7}: a title row, the indicator's Chinese name,
 * English name and unit, then the code row that the reader goes by, then a row per zone. The province and period
 * the workbook was made for sit on a very hidden sheet.
 */
final class WorkbookLayout {

    static final int TITLE_ROW = 0;
    static final int NAME_ROW = 1;
    static final int NAME_EN_ROW = 2;
    static final int UNIT_ROW = 3;
    static final int CODE_ROW = 4;
    static final int FIRST_ZONE_ROW = 5;
    static final int ZONE_COLUMN = 0;
    static final int ZONE_NAME_COLUMN = 1;
    static final int FIRST_INDICATOR_COLUMN = 2;
    /** Codes of the first two columns in the code row; the reader finds the code row by the first. */
    static final String ZONE_CODE = "zone";
    static final String ZONE_NAME_CODE = "name";
    /** The very hidden sheet with the province and period, a label in column A and the value in column B. */
    static final String META_SHEET = "template";
    static final String PROVINCE = "province";
    static final String PERIOD = "period";

    private WorkbookLayout() {
    }

    /** The cell as Excel names it, e.g. {@code ETDZ!F7}. */
    static String cell(String sheet, int row, int column) {
        return sheet + "!" + new CellReference(row, column).formatAsString(false);
    }
}
