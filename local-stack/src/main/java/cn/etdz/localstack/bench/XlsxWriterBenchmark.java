package cn.etdz.localstack.bench;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The two streaming XLSX writers an export could use, side by side in one JVM on the values export's row shape (zone,
 * name, indicator, period, value, unit, provisional, revision, note): POI's {@code SXSSFWorkbook} (a window of rows
 * in memory, the rest in a compressed temporary file, the zip written at the end) and fastexcel (rows flushed into the
 * zip stream as they come). Per writer: time to the first byte on the wire, time to the last, bytes allocated, file
 * size. {@code ROWS} (default 400 000) rows, {@code ROUNDS} (default 3) rounds after one warm-up, medians. Run with
 * {@code bench/xlsx-writers.sh}.
 */
public final class XlsxWriterBenchmark {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String[] HEADER = {"zone", "zoneName", "indicator", "period", "value", "unit", "provisional",
        "revision", "note"};

    private XlsxWriterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(System.getenv().getOrDefault("ROWS", "400000"));
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "3"));
        List<Measured> poi = new ArrayList<>();
        List<Measured> fastexcel = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            Measured a = measure(rows, XlsxWriterBenchmark::writePoi);
            Measured b = measure(rows, XlsxWriterBenchmark::writeFastexcel);
            System.out.printf(Locale.ROOT, "[bench] %s: SXSSF %s; fastexcel %s%n", round == 0 ? "warm-up" : "round " + round,
                    a, b);
            if (round > 0) {
                poi.add(a);
                fastexcel.add(b);
            }
        }
        System.out.printf(Locale.ROOT, "[bench] RESULT %d rows, medians of %d rounds: SXSSF %s; fastexcel %s%n", rows, rounds,
                Measured.median(poi), Measured.median(fastexcel));
    }

    private interface Writer {
        void write(OutputStream out, int rows) throws IOException;
    }

    private static Measured measure(int rows, Writer writer) throws IOException {
        Wire wire = new Wire(System.nanoTime());
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        writer.write(wire, rows);
        double lastMs = (System.nanoTime() - wire.start) / 1e6;
        double allocatedMiB = (THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore) / 1048576.0;
        return new Measured(wire.firstByteMs, lastMs, allocatedMiB, wire.bytes / 1048576.0);
    }

    private static Object cell(int row, int column) {
        return switch (column) {
            case 0 -> "ZONE-" + (row / 800);
            case 1 -> "基准开发区" + (row / 800);
            case 2 -> "IND_" + (row % 40);
            case 3 -> 1996 + (row / 40) % 20;
            case 4 -> row * 1.25;
            case 5 -> "亿元";
            case 6 -> row % 7 == 0;
            case 7 -> 1 + row % 3;
            default -> row % 5 == 0 ? "说明 " + row : null;
        };
    }

    private static void writePoi(OutputStream out, int rows) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet("values");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < HEADER.length; c++) {
                    Object value = cell(r, c);
                    if (value == null) {
                        continue;
                    }
                    Cell each = row.createCell(c);
                    if (value instanceof Number number) {
                        each.setCellValue(number.doubleValue());
                    } else if (value instanceof Boolean flag) {
                        each.setCellValue(flag);
                    } else {
                        each.setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static void writeFastexcel(OutputStream out, int rows) throws IOException {
        Workbook workbook = new Workbook(out, "bench", "1.0");
        Worksheet sheet = workbook.newWorksheet("values");
        for (int c = 0; c < HEADER.length; c++) {
            sheet.inlineString(0, c, HEADER[c]);
        }
        for (int r = 1; r <= rows; r++) {
            for (int c = 0; c < HEADER.length; c++) {
                Object value = cell(r, c);
                if (value instanceof Number number) {
                    sheet.value(r, c, number);
                } else if (value instanceof Boolean flag) {
                    sheet.value(r, c, flag);
                } else if (value != null) {
                    sheet.inlineString(r, c, value.toString());
                }
            }
            if (r % 500 == 0) {
                sheet.flush();
            }
        }
        workbook.finish();
    }

    /** Counts what would go over the wire and notes when the first byte did. */
    private static final class Wire extends OutputStream {
        private final long start;
        private long bytes;
        private double firstByteMs = -1;

        Wire(long start) {
            this.start = start;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (bytes == 0 && len > 0) {
                firstByteMs = (System.nanoTime() - start) / 1e6;
            }
            bytes += len;
        }
    }

    private record Measured(double firstByteMs, double lastByteMs, double allocatedMiB, double fileMiB) {

        static Measured median(List<Measured> all) {
            return new Measured(median(all, Measured::firstByteMs), median(all, Measured::lastByteMs),
                    median(all, Measured::allocatedMiB), median(all, Measured::fileMiB));
        }

        private static double median(List<Measured> all, java.util.function.ToDoubleFunction<Measured> part) {
            List<Double> values = new ArrayList<>();
            all.forEach(each -> values.add(part.applyAsDouble(each)));
            Collections.sort(values);
            return values.get(values.size() / 2);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "first byte %.0f ms, last byte %.0f ms, %.0f MiB allocated, file %.1f MiB",
                    firstByteMs, lastByteMs, allocatedMiB, fileMiB);
        }
    }
}
