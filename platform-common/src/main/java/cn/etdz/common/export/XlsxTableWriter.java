package cn.etdz.common.export;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * XLSX written straight to the stream with fastexcel: each sheet is a zip entry whose rows are flushed every
 * {@value #FLUSH_EVERY} rows, so the caller receives bytes from the first rows on and the heap holds a few rows, never
 * the table (POI's streaming workbook sends nothing until the whole table sits in a temporary file: an export longer
 * than the gateway's idle timeout ended in a 504). Text is an inline string (never a formula, never a shared-strings
 * table that grows with distinct notes) and neutralised like CSV's. The first row of each sheet is the header (bold,
 * frozen); a table longer than a sheet continues on sheets named {@code <name> 2}, … with the header repeated.
 */
final class XlsxTableWriter implements TableWriter {

    /** Excel's last row (1 048 576). */
    static final int ROWS_PER_SHEET = 1 << 20;
    private static final int FLUSH_EVERY = 500;

    private final String sheetName;
    private final int rowsPerSheet;
    private final Workbook workbook;
    private List<?> header;
    private Worksheet sheet;
    private int sheets;
    private int nextRow;

    XlsxTableWriter(OutputStream out, String sheetName) {
        this(out, sheetName, ROWS_PER_SHEET);
    }

    /** {@code rowsPerSheet} counts the header; tests make it small to see a table continue on the next sheet. */
    XlsxTableWriter(OutputStream out, String sheetName, int rowsPerSheet) {
        this.sheetName = sheetName;
        this.rowsPerSheet = rowsPerSheet;
        this.workbook = new Workbook(new KeepOpen(out), "Zone evaluation platform", "1.0");
    }

    @Override
    public void row(List<?> cells) throws IOException {
        if (header == null) {
            header = List.copyOf(cells);
            newSheet();
            return;
        }
        if (nextRow == rowsPerSheet) {
            newSheet();
        }
        write(nextRow++, cells);
        if (nextRow % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    private void newSheet() throws IOException {
        if (sheet != null) {
            sheet.finish();
        }
        sheets++;
        sheet = workbook.newWorksheet(sheets == 1 ? sheetName : sheetName + " " + sheets);
        sheet.freezePane(0, 1);
        write(0, header);
        for (int column = 0; column < header.size(); column++) {
            sheet.style(0, column).bold().set();
        }
        nextRow = 1;
    }

    private void write(int row, List<?> cells) {
        for (int column = 0; column < cells.size(); column++) {
            Object value = cells.get(column);
            if (value instanceof Number number) {
                sheet.value(row, column, number);
            } else if (value instanceof Boolean flag) {
                sheet.value(row, column, flag);
            } else if (value != null) {
                sheet.inlineString(row, column, CellText.neutralise(value.toString()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (header == null) {
            sheet = workbook.newWorksheet(sheetName);
        }
        workbook.finish();
    }

    /** The workbook closes its zip stream when it finishes; the caller's stream stays open (see {@link TableWriter}). */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
