package cn.etdz.localstack.bench;

import cn.etdz.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmarks of the indicator service through the gateway, on the packaged stack as the local run starts it:
 * <ol>
 * <li>bulk import: 250 zones × 10 years × the 27 raw ETDZ indicators, one JSON batch per year, values per second
 * accepted end to end (stored with their outbox events when the answer arrives), side by side with a PostgreSQL
 * {@code COPY} of the same rows into a table of the same shape as {@code submission_value} on the same server;</li>
 * <li>single submissions from 20 concurrent clients (JVM threads, then wrk when installed): latency p50/p99 and the
 * indicator service's peak RSS.</li>
 * </ol>
 * Each measurement is repeated ({@code ROUNDS}, default 3) after a warm-up ({@code WARMUP} imports, default 3;
 * {@code SINGLES_WARMUP} seconds of single submissions, default 60) and
 * the medians are reported. {@code STOP_EVALUATION=true} stops the evaluation service first, to measure the indicator
 * path without the evaluation pipeline sharing the machine's cores. {@code IMPORT_CONCURRENCY} (default {@code 1}) is
 * how many yearly batches are posted at once; a list such as {@code 1,2} measures each in every round, side by side.
 * Run with {@code bench/indicator.sh}.
 */
public final class IndicatorBenchmark {

    static final int ZONES = 250;
    static final int YEARS = 10;
    static final int FIRST_YEAR = 2006;
    static final List<String> INDICATORS = List.of("GDP", "IND_VA", "IND_OUTPUT", "SERV_VA", "TAX", "FDI", "EXPORTS",
            "TRADE", "RD_EXP", "HT_OUTPUT", "HT_TRADE", "RD_CENTERS", "HT_FIRMS", "GRADUATES", "ENERGY", "SO2", "COD",
            "ISO14000", "ECO_PARK", "EMPLOYEES", "SOCIAL_INS", "SAFETY_ACC", "LEGAL_BASIS", "ONE_STOP", "APPROVAL_DAYS",
            "ONLINE_RATE", "AREA_BUILT");
    static final String[] PROVINCES = {"110000", "120000", "130000", "310000", "320000", "330000", "350000", "370000",
            "440000", "140000", "340000", "360000", "410000", "420000", "430000", "210000", "220000", "230000",
            "500000", "510000", "610000"};

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LocalStack stack;
    private final Path state;
    private final String admin;
    private final CpuAccount cpu;
    /** Batches in flight during an import, one figure per value ({@code IMPORT_CONCURRENCY}, e.g. {@code 1,2}). */
    private final List<Integer> importConcurrency = Arrays.stream(
            System.getenv().getOrDefault("IMPORT_CONCURRENCY", "1").split(",")).map(String::trim).map(Integer::valueOf).toList();

    private IndicatorBenchmark(LocalStack stack, Path state) {
        this.stack = stack;
        this.state = state;
        this.admin = stack.tokens().admin();
        this.cpu = new CpuAccount(stack.pids());
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "3"));
        Path state = BenchState.create();
        // One admin token sends thousands of requests a second here: the benchmark measures the service, not the
        // gateway's rate limiter, so the indicator route's per-subject bucket is made large (LocalStack passes gateway.*).
        System.setProperty("gateway.routes.indicator.rate-limit.capacity", "1000000");
        System.setProperty("gateway.routes.indicator.rate-limit.refill-per-second", "1000000");
        try (LocalStack stack = BenchState.startStack(root, state)) {
            IndicatorBenchmark bench = new IndicatorBenchmark(stack, state);
            bench.registerZones();
            if (Boolean.parseBoolean(System.getenv("STOP_EVALUATION"))) {
                // the indicator path alone: no consumer and recomputation sharing the cores (the events stay in Kafka)
                ProcessHandle.of(stack.pids().get("evaluation-service")).ifPresent(ProcessHandle::destroy);
                System.out.println("[bench] evaluation service stopped (STOP_EVALUATION=true)");
            }
            bench.bulkImport(Integer.parseInt(System.getenv().getOrDefault("WARMUP", "3")), rounds);
            bench.concurrentSingles(rounds, Integer.parseInt(System.getenv().getOrDefault("SINGLES_WARMUP", "60")));
        } finally {
            BenchState.cleanUp(state);
        }
    }

    private void registerZones() throws Exception {
        for (int z = 0; z < ZONES; z++) {
            Map<String, Object> zone = Map.of("code", code(z), "name", "基准测试区" + z, "type", "ETDZ",
                    "province", PROVINCES[z % PROVINCES.length]);
            send("/api/v1/zones", admin, zone, 201);
        }
    }

    private static String code(int zone) {
        return String.format(Locale.ROOT, "BENCH-%03d", zone);
    }

    /** Consistent synthetic values of one zone and year. */
    static Map<String, Double> values(int zone, int year, Random random) {
        double gdp = (50 + zone * 3) * Math.pow(1.12, year - FIRST_YEAR) * (0.95 + 0.1 * random.nextDouble());
        double trade = gdp * 0.2;
        double workers = gdp * 0.03;
        double industry = gdp * 0.6;
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("GDP", gdp);
        v.put("IND_VA", industry);
        v.put("IND_OUTPUT", industry * 4);
        v.put("SERV_VA", gdp * 0.3);
        v.put("TAX", gdp * 0.15);
        v.put("FDI", gdp * 0.01);
        v.put("EXPORTS", trade * 0.5);
        v.put("TRADE", trade);
        v.put("RD_EXP", gdp * 0.03);
        v.put("HT_OUTPUT", industry * 1.8);
        v.put("HT_TRADE", trade * 0.55);
        v.put("RD_CENTERS", (double) (5 + zone % 20));
        v.put("HT_FIRMS", (double) (20 + zone % 50));
        v.put("GRADUATES", workers * 0.35);
        v.put("ENERGY", gdp * 0.45);
        v.put("SO2", gdp * 5);
        v.put("COD", gdp * 2.5);
        v.put("ISO14000", 1.0);
        v.put("ECO_PARK", (double) (zone % 2));
        v.put("EMPLOYEES", workers);
        v.put("SOCIAL_INS", 90.0);
        v.put("SAFETY_ACC", 0.0);
        v.put("LEGAL_BASIS", 1.0);
        v.put("ONE_STOP", 1.0);
        v.put("APPROVAL_DAYS", 20.0);
        v.put("ONLINE_RATE", 60.0);
        v.put("AREA_BUILT", gdp / 15);
        v.replaceAll((k, x) -> Math.round(x * 100) / 100.0);
        return v;
    }

    private Map<String, Object> submission(int zone, int year, Random random) {
        List<Map<String, Object>> values = new ArrayList<>();
        values(zone, year, random).forEach((indicator, value) -> values.add(Map.of("indicator", indicator, "value", value)));
        return Map.of("zone", code(zone), "period", String.valueOf(year), "values", values);
    }

    /**
     * {@code warmups} unmeasured imports first, so the services' JIT has compiled the path (in the first imports the
     * compiler threads took most of the indicator service's CPU), then {@code rounds} measured ones. Each import and
     * each COPY starts once the stack is quiet.
     */
    private void bulkImport(int warmups, int rounds) throws Exception {
        Random random = new Random(7);
        List<byte[]> batches = new ArrayList<>();
        StringBuilder copyRows = new StringBuilder();
        long row = 0;
        for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
            List<Map<String, Object>> submissions = new ArrayList<>();
            for (int z = 0; z < ZONES; z++) {
                Map<String, Object> submission = submission(z, y, random);
                submissions.add(submission);
                int position = 0;
                for (Object value : (List<?>) submission.get("values")) {
                    Map<?, ?> v = (Map<?, ?>) value;
                    copyRows.append(row / INDICATORS.size()).append('\t').append(position++).append('\t')
                            .append(v.get("indicator")).append('\t').append(v.get("value")).append("\tf\t\\N\n");
                    row++;
                }
            }
            batches.add(json.writeValueAsBytes(Map.of("submissions", submissions)));
        }
        long values = (long) ZONES * YEARS * INDICATORS.size();
        double[][] importRates = new double[importConcurrency.size()][rounds];
        double[] copyRates = new double[rounds];
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("bench"), stack.databaseUser(),
                stack.databasePassword())) {
            for (int w = 0; w < warmups; w++) {
                cpu.awaitQuiet();
                long start = System.nanoTime();
                importAll(batches, importConcurrency.get(0));
                System.out.printf(Locale.ROOT, "[bench] warm-up import %d: %.0f values/s%n", w + 1,
                        values / ((System.nanoTime() - start) / 1e9));
            }
            for (int r = 0; r < rounds; r++) {
                // each round imports once per concurrency, then copies once: the figures it compares are side by side
                for (int c = 0; c < importConcurrency.size(); c++) {
                    cpu.awaitQuiet();
                    Map<String, Double> cpuBefore = cpu.sample();
                    long start = System.nanoTime();
                    importAll(batches, importConcurrency.get(c));
                    importRates[c][r] = values / ((System.nanoTime() - start) / 1e9);
                    System.out.printf(Locale.ROOT, "[bench] import round %d, %d batch(es) in flight: %.0f values/s "
                                    + "through the gateway (%s)%n", r + 1, importConcurrency.get(c), importRates[c][r],
                            CpuAccount.between(cpuBefore, cpu.sample()));
                }
                cpu.awaitQuiet();
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("drop table if exists copy_value");
                    ddl.execute("""
                            create table copy_value (submission_id bigint not null, position integer not null,
                              indicator varchar(40) not null, value double precision not null, provisional boolean not null,
                              note varchar(500), primary key (submission_id, indicator))""");
                }
                long start = System.nanoTime();
                long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy copy_value from stdin", new StringReader(copyRows.toString()));
                copyRates[r] = copied / ((System.nanoTime() - start) / 1e9);
                System.out.printf(Locale.ROOT, "[bench] import round %d: COPY %.0f values/s%n", r + 1, copyRates[r]);
            }
        }
        double copyMedian = median(copyRates);
        for (int c = 0; c < importConcurrency.size(); c++) {
            double importMedian = median(importRates[c]);
            System.out.printf(Locale.ROOT, "RESULT bulk import: %d values in %d batches of %d submissions, %d in flight; "
                            + "median %.0f values/s end to end; COPY median %.0f values/s; ratio %.1f %% (goals: "
                            + "≥ 20000 values/s, ≥ 25 %%)%n", values, YEARS, ZONES, importConcurrency.get(c),
                    importMedian, copyMedian, 100 * importMedian / copyMedian);
        }
    }

    /**
     * Posts the yearly batches, {@code inFlight} at a time: 1 is one year after the other, in order, as the goal is
     * stated; more show how much of the machine a single stream of batches leaves idle.
     */
    private void importAll(List<byte[]> batches, int inFlight) throws Exception {
        ExecutorService posters = Executors.newFixedThreadPool(inFlight);
        try {
            List<Future<?>> posted = new ArrayList<>();
            for (byte[] batch : batches) {
                posted.add(posters.submit(() -> {
                    JsonNode result = sendBytes("/api/v1/submissions/batch", admin, batch, 200);
                    if (result.path("rejected").asInt() != 0) {
                        throw new IllegalStateException("rejected: " + result.path("results").get(0));
                    }
                }));
            }
            for (Future<?> batch : posted) {
                batch.get();
            }
        } finally {
            posters.shutdownNow();
        }
    }

    /** One measured round of single submissions: latency percentiles in ms and submissions per second. */
    private record Latencies(double p50, double p99, double perSecond) {
    }

    @FunctionalInterface
    private interface Load {
        Latencies run() throws Exception;
    }

    /**
     * Single submissions from 20 concurrent clients in a closed loop, {@code rounds} times after {@code warmupSeconds}
     * of the same load: first from 20 JVM client threads (2 000 submissions a round), then, when wrk is installed, from
     * 20 wrk connections (10 s a round). wrk leaves the stack the cores the JVM client threads take, so its figures are
     * closer to what the stack itself does. Each round also reports the indicator service's peak RSS and the CPU each
     * part used. The warm-up is long because on two cores the services' JIT compilers took about a third of the CPU
     * through the first minute of this load, and throughput kept rising until they were done.
     */
    private void concurrentSingles(int rounds, int warmupSeconds) throws Exception {
        int clients = 20;
        int perClient = 100;
        Random random = new Random(11);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < clients * perClient; i++) {
            bodies.add(json.writeValueAsBytes(submission(i % ZONES, 2015, random)));
        }
        for (int warm = 0; warm < 200; warm++) {
            sendBytes("/api/v1/submissions", admin, bodies.get(warm), 201);
        }
        String url = stack.gatewayUrl() + "/api/v1/submissions";
        WrkScript wrk = Wrk.installed() ? wrkScript(bodies) : null;
        if (warmupSeconds <= 0) {
            System.out.println("[bench] no singles warm-up (SINGLES_WARMUP=0): the first rounds include JIT compilation");
        } else {
            System.out.printf(Locale.ROOT, "[bench] warming up with %d s of single submissions from %d clients%n",
                    warmupSeconds, clients);
            if (wrk != null) {
                Wrk.run(clients, wrk.options(), warmupSeconds + "s", url, wrk.args());
            } else {
                long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
                while (System.nanoTime() < until) {
                    jvmClients(bodies, clients, perClient);
                }
            }
        }
        measureSingles("JVM client threads", clients, rounds, () -> jvmClients(bodies, clients, perClient));
        if (wrk == null) {
            System.out.println("[bench] wrk not installed (apt-get install wrk): skipping the wrk measurement");
            return;
        }
        measureSingles("wrk connections", clients, rounds, () -> {
            Wrk.Report report = Wrk.run(clients, wrk.options(), "10s", url, wrk.args());
            // reported, not fatal: a POST that meets a kept-alive connection the service closed is a 502 (docs/gateway.md)
            if (report.failed() > 0) {
                System.out.printf("[bench] %d of the round's submissions were not accepted%n", report.failed());
            }
            return new Latencies(report.p50Millis(), report.p99Millis(), report.requestsPerSecond());
        });
    }

    /** wrk's options and script arguments for posting the bodies (submissions.lua). */
    private record WrkScript(List<String> options, String[] args) {
    }

    private WrkScript wrkScript(List<byte[]> bodies) throws Exception {
        Path work = Files.createTempDirectory(state, "wrk-");
        Path bodyFile = work.resolve("submissions.jsonl");
        Files.write(bodyFile, bodies.stream().map(body -> new String(body, StandardCharsets.UTF_8)).toList());
        Path script = work.resolve("submissions.lua");
        try (var lua = IndicatorBenchmark.class.getResourceAsStream("/bench/submissions.lua")) {
            Files.copy(lua, script);
        }
        return new WrkScript(List.of("-s", script.toString()),
                new String[]{bodyFile.toString(), admin, String.valueOf(Wrk.THREADS)});
    }

    private void measureSingles(String clientKind, int clients, int rounds, Load load) throws Exception {
        long pid = stack.pids().get("indicator-service");
        double[] p50s = new double[rounds];
        double[] p99s = new double[rounds];
        double[] peaks = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            cpu.awaitQuiet();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong peakKb = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    peakKb.accumulateAndGet(rssKb(pid), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            Map<String, Double> cpuBefore = cpu.sample();
            Latencies latencies;
            try {
                latencies = load.run();
            } finally { // a failed round must not leave the sampler polling (and the JVM running) forever
                running.set(false);
                sampler.join();
            }
            String cpuUsed = CpuAccount.between(cpuBefore, cpu.sample());
            p50s[r] = latencies.p50();
            p99s[r] = latencies.p99();
            peaks[r] = peakKb.get() / 1024.0;
            System.out.printf(Locale.ROOT, "[bench] singles round %d (%s): p50 %.1f ms, p99 %.1f ms, %.0f submissions/s, "
                            + "indicator-service peak RSS %.0f MiB (%s)%n",
                    r + 1, clientKind, p50s[r], p99s[r], latencies.perSecond(), peaks[r], cpuUsed);
        }
        System.out.printf(Locale.ROOT, "RESULT single submissions, %d %s through the gateway: median p50 %.1f ms, "
                        + "median p99 %.1f ms (goal ≤ 100 ms); indicator-service peak RSS median %.0f MiB (goal ≤ 400 MiB)%n",
                clients, clientKind, median(p50s), median(p99s), median(peaks));
    }

    /**
     * Every client thread posts its share of the bodies one after another; latencies measured here. Body {@code n} is
     * for zone {@code n % ZONES}, and client {@code c} posts bodies {@code c, c + clients, c + 2 clients, …}: at each
     * step the clients post distinct zones, as provincial systems posting their own zones do. (Concurrent posts of
     * one zone-period wait for each other's revision claim; dealing the bodies out in blocks made four clients post
     * the same zone at every step.)
     */
    private Latencies jvmClients(List<byte[]> bodies, int clients, int perClient) throws Exception {
        long[] latencies = new long[clients * perClient];
        long roundStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    int n = i * clients + client;
                    long start = System.nanoTime();
                    sendBytes("/api/v1/submissions", admin, bodies.get(n), 201);
                    latencies[n] = System.nanoTime() - start;
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : done) {
                future.get();
            }
        } finally { // its threads would otherwise keep the JVM running after a failed round
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - roundStart) / 1e9;
        Arrays.sort(latencies);
        return new Latencies(latencies[latencies.length / 2] / 1e6,
                latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6, latencies.length / elapsed);
    }

    private JsonNode send(String path, String token, Object body, int expected) throws Exception {
        return sendBytes(path, token, json.writeValueAsBytes(body), expected);
    }

    private JsonNode sendBytes(String path, String token, byte[] body, int expected) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
