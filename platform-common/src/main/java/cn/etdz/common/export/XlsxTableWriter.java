package cn.etdz.common.export;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * XLSX with POI's {@link SXSSFWorkbook}: rows beyond a window of {@value #WINDOW} go to a compressed temporary file,
 * so the heap holds a window, not the table; {@link #close()} writes the workbook to the stream and deletes the
 * temporary file. Text is always a string cell (never a formula) and neutralised like CSV's. The first row of each
 * sheet is the header (bold, frozen); a table longer than a sheet continues on sheets named {@code <name> 2}, … with
 * the header repeated.
 */
final class XlsxTableWriter implements TableWriter {

    private static final int WINDOW = 200;
    private static final int ROWS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private final OutputStream out;
    private final String sheetName;
    private final int rowsPerSheet;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle headerStyle;
    private List<?> header;
    private SXSSFSheet sheet;
    private int sheets;
    private int nextRow;

    XlsxTableWriter(OutputStream out, String sheetName) {
        this(out, sheetName, ROWS_PER_SHEET);
    }

    /** {@code rowsPerSheet} counts the header; tests make it small to see a table continue on the next sheet. */
    XlsxTableWriter(OutputStream out, String sheetName, int rowsPerSheet) {
        this.out = out;
        this.sheetName = sheetName;
        this.rowsPerSheet = rowsPerSheet;
        workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
    }

    @Override
    public void row(List<?> cells) {
        if (header == null) {
            header = List.copyOf(cells);
            newSheet();
            return;
        }
        if (nextRow == rowsPerSheet) {
            newSheet();
        }
        write(sheet.createRow(nextRow++), cells, null);
    }

    private void newSheet() {
        sheets++;
        sheet = workbook.createSheet(sheets == 1 ? sheetName : sheetName + " " + sheets);
        sheet.createFreezePane(0, 1);
        write(sheet.createRow(0), header, headerStyle);
        nextRow = 1;
    }

    private static void write(Row row, List<?> cells, CellStyle style) {
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Boolean flag) {
                cell.setCellValue(flag);
            } else {
                cell.setCellValue(CellText.neutralise(value.toString()));
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (header == null) {
                workbook.createSheet(sheetName);
            }
            workbook.write(out);
            out.flush();
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }
}
