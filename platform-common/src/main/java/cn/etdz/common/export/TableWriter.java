package cn.etdz.common.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a table row by row to a stream, so an export never holds more than a row (CSV) or a window of rows (XLSX).
 * Cells are {@code null} (empty), a {@link Number} (a number, never neutralised), a {@link Boolean}, or anything else,
 * written as neutralised text ({@link CellText}). {@link #close()} finishes the file; it does not close the stream.
 */
public interface TableWriter extends Closeable {

    void row(List<?> cells) throws IOException;

    /** UTF-8 CSV (RFC 4180: comma, CRLF, quotes where needed); {@code bom} starts it with the byte-order mark Excel wants. */
    static TableWriter csv(OutputStream out, boolean bom) throws IOException {
        return new CsvTableWriter(out, bom);
    }

    /** An XLSX workbook written with POI's streaming workbook; a table past a sheet's last row continues on the next sheet. */
    static TableWriter xlsx(OutputStream out, String sheetName) {
        return new XlsxTableWriter(out, sheetName);
    }
}
