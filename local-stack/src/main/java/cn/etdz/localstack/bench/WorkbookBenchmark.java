package cn.etdz.localstack.bench;

import cn.etdz.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.parsers.SAXParserFactory;

/**
 * The submission workbook of a national size, through the gateway on the packaged stack: 2 500 ETDZ zones of one
 * province and 40 indicators (the catalogue's ETDZ indicators, topped up with indicators an administrator adds through
 * the API), every cell filled. Measures the template's download, the upload until the
 * per-cell result arrives (dry run and stored), and the indicator service's peak heap during the upload (sampled from
 * its {@code /q/metrics} every 20 ms). Then, in this JVM, the two ways POI reads the same file: the whole workbook
 * ({@code XSSFWorkbook}, what the service does) against the streaming SAX reader ({@code XSSFReader}), time and bytes
 * allocated, to show what streaming would save. {@code ROUNDS} (default 3) rounds after one unmeasured warm-up, medians.
 * Run with {@code bench/workbook.sh}.
 */
public final class WorkbookBenchmark {

    static final int ZONES = 2_500;
    static final int INDICATORS = 40;
    private static final String ADDED_PREFIX = "WB_EXTRA_";
    static final String PROVINCE = "320000";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LocalStack stack;
    private final String admin;

    private WorkbookBenchmark(LocalStack stack) {
        this.stack = stack;
        this.admin = stack.tokens().admin();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "3"));
        Path state = BenchState.create();
        System.setProperty("gateway.routes.indicator.rate-limit.capacity", "1000000");
        System.setProperty("gateway.routes.indicator.rate-limit.refill-per-second", "1000000");
        try (LocalStack stack = BenchState.startStack(root, state)) {
            WorkbookBenchmark bench = new WorkbookBenchmark(stack);
            bench.registerZones();
            bench.topUpIndicators();
            bench.run(rounds);
        } finally {
            BenchState.cleanUp(state);
        }
    }

    private void registerZones() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int z = 0; z < ZONES; z++) {
            int zone = z;
            done.add(pool.submit(() -> request("POST", "/api/v1/zones", "application/json", json.writeValueAsBytes(Map.of(
                    "code", code(zone), "name", "工作簿基准区" + zone, "type", "ETDZ", "province", PROVINCE)), 201)));
        }
        for (Future<?> each : done) {
            each.get();
        }
        pool.shutdown();
        System.out.printf("[bench] %d zones registered in province %s%n", ZONES, PROVINCE);
    }

    /** Adds percentage indicators until ETDZ zones report {@link #INDICATORS}, as an administrator would. */
    private void topUpIndicators() throws Exception {
        int etdz = json.readTree(request("GET", "/api/v1/indicators?zoneType=ETDZ", null, null, 200)).size();
        for (int added = etdz; added < INDICATORS; added++) {
            String code = ADDED_PREFIX + added;
            request("POST", "/api/v1/indicators", "application/json", json.writeValueAsBytes(Map.of("code", code,
                    "name", "基准指标" + added, "nameEn", "Benchmark indicator " + added, "unit", "%",
                    "pillar", "society", "valueType", "PERCENT", "minValue", 0.0, "maxValue", 100.0,
                    "appliesTo", List.of("ETDZ"), "required", false)), 201);
        }
        System.out.printf("[bench] %d ETDZ indicators in the catalogue, %d added%n", INDICATORS, INDICATORS - etdz);
    }

    private static String code(int zone) {
        return String.format(Locale.ROOT, "WBENCH-%04d", zone);
    }

    private void run(int rounds) throws Exception {
        List<Double> template = new ArrayList<>();
        List<Double> dryRun = new ArrayList<>();
        List<Double> stored = new ArrayList<>();
        List<Double> dryRunHeap = new ArrayList<>();
        List<Double> storedHeap = new ArrayList<>();
        List<Double> wholeMs = new ArrayList<>();
        List<Double> wholeAllocated = new ArrayList<>();
        List<Double> streamMs = new ArrayList<>();
        List<Double> streamAllocated = new ArrayList<>();
        byte[] filled = null;
        for (int round = 0; round <= rounds; round++) {
            boolean measured = round > 0;
            long start = System.nanoTime();
            byte[] empty = request("GET", "/api/v1/submissions/workbook?province=" + PROVINCE + "&period=" + (2010 + round),
                    null, null, 200);
            double templateMs = millis(start);
            filled = fill(empty);
            Measured check = upload(filled, true);
            Measured store = upload(filled, false);
            Parse whole = parse(filled, false);
            Parse streamed = parse(filled, true);
            System.out.printf(Locale.ROOT, "[bench] %s: template %.0f ms (%d KB); upload %d KB: dry run %.0f ms, peak heap "
                            + "%.0f MiB; stored %.0f ms, peak heap %.0f MiB; in-JVM read: XSSFWorkbook %.0f ms / %.0f MiB "
                            + "allocated, SAX %.0f ms / %.0f MiB%n", measured ? "round " + round : "warm-up", templateMs,
                    empty.length / 1024, filled.length / 1024, check.ms, check.peakHeapMiB, store.ms, store.peakHeapMiB,
                    whole.ms, whole.allocatedMiB, streamed.ms, streamed.allocatedMiB);
            if (measured) {
                template.add(templateMs);
                dryRun.add(check.ms);
                dryRunHeap.add(check.peakHeapMiB);
                stored.add(store.ms);
                storedHeap.add(store.peakHeapMiB);
                wholeMs.add(whole.ms);
                wholeAllocated.add(whole.allocatedMiB);
                streamMs.add(streamed.ms);
                streamAllocated.add(streamed.allocatedMiB);
            }
        }
        System.out.printf(Locale.ROOT, "[bench] RESULT workbook %d rows × %d indicators (%d KB), medians of %d rounds: "
                        + "template %.0f ms; upload to per-cell result: dry run %.0f ms (service peak heap %.0f MiB), stored "
                        + "%.0f ms (peak heap %.0f MiB); reading the file in one JVM: XSSFWorkbook %.0f ms, %.0f MiB "
                        + "allocated; SAX streaming %.0f ms, %.0f MiB allocated%n", ZONES, INDICATORS, filled.length / 1024, rounds,
                median(template), median(dryRun), median(dryRunHeap), median(stored), median(storedHeap),
                median(wholeMs), median(wholeAllocated), median(streamMs), median(streamAllocated));
    }

    /** Every indicator cell of every zone row, with the synthetic values of the import benchmark. */
    private static byte[] fill(byte[] template) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet("ETDZ");
            Row codes = sheet.getRow(4);
            Random random = new Random(7);
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                int zone = Integer.parseInt(row.getCell(0).getStringCellValue().substring("WBENCH-".length()));
                Map<String, Double> values = IndicatorBenchmark.values(zone, 2016, random);
                for (Cell code : codes) {
                    String indicator = code.getStringCellValue();
                    // an added indicator is a percentage: any value of 0–100 spread over the zones will do
                    Double value = indicator.startsWith(ADDED_PREFIX)
                            ? Double.valueOf((zone * 37 + code.getColumnIndex() * 11) % 100) : values.get(indicator);
                    if (value != null) {
                        row.getCell(code.getColumnIndex(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(value);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private record Measured(double ms, double peakHeapMiB) {
    }

    private Measured upload(byte[] workbook, boolean dryRun) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong(heapUsed());
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(heapUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        byte[] answer = request("POST", "/api/v1/submissions/workbook" + (dryRun ? "?dryRun=true" : ""), XLSX, workbook, 200);
        double ms = millis(start);
        running.set(false);
        sampler.join();
        JsonNode result = json.readTree(answer);
        if (result.get("accepted").asInt() + result.get("rejected").asInt() != ZONES || result.get("rejected").asInt() != 0) {
            throw new IllegalStateException("expected " + ZONES + " valid rows: " + new String(answer, StandardCharsets.UTF_8));
        }
        return new Measured(ms, peak.get() / (1024.0 * 1024));
    }

    /** The indicator service's heap in use now, from its metrics. */
    private long heapUsed() {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(
                    stack.managementUrl(stack.service("indicator-service")) + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            return metrics.lines().filter(line -> line.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private record Parse(double ms, double allocatedMiB) {
    }

    /** Reads every cell of the ETDZ sheet, the whole workbook at once or streamed, and counts the bytes allocated. */
    private static Parse parse(byte[] workbook, boolean streamed) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        AtomicLong cells = new AtomicLong();
        if (streamed) {
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(workbook))) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        if (!sheets.getSheetName().equals("ETDZ")) {
                            continue;
                        }
                        SAXParserFactory factory = SAXParserFactory.newInstance();
                        factory.setNamespaceAware(true);
                        XMLReader xml = factory.newSAXParser().getXMLReader();
                        xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                                new XSSFSheetXMLHandler.SheetContentsHandler() {
                                    @Override
                                    public void startRow(int rowNum) {
                                    }

                                    @Override
                                    public void endRow(int rowNum) {
                                    }

                                    @Override
                                    public void cell(String reference, String value, XSSFComment comment) {
                                        cells.incrementAndGet();
                                    }
                                }, false));
                        xml.parse(new InputSource(sheet));
                    }
                }
            }
        } else {
            try (XSSFWorkbook whole = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
                for (Row row : whole.getSheet("ETDZ")) {
                    for (Cell cell : row) {
                        if (cell != null) {
                            cells.incrementAndGet();
                        }
                    }
                }
            }
        }
        double ms = millis(start);
        if (cells.get() < (long) ZONES * INDICATORS) {
            throw new IllegalStateException("read only " + cells.get() + " cells");
        }
        return new Parse(ms, (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / (1024.0 * 1024));
    }

    private byte[] request(String method, String path, String contentType, byte[] body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .header("Authorization", "Bearer " + admin)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
