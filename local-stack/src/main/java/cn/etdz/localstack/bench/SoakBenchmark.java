package cn.etdz.localstack.bench;

import cn.etdz.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Soak benchmark: mixed traffic through the gateway at a fixed rate for a number of minutes, on the packaged stack as
 * the local run starts it, with 250 ETDZ zones scored for one period. Every tick of the rate sends, in turn, ranking
 * reads (5 in 10), explanation reads (4 in 10) and single submissions (1 in 10); at the start of each minute a batch
 * of all 250 zones is posted. Latency is counted from the moment a request was due, not from when it went out, so a
 * stalled stack shows as latency instead of as fewer requests.
 * <p>
 * Each minute it reports requests, errors by status, p50/p99 per kind and the peak resident size (RSS) of every JVM:
 * the three services and this one (the Kafka broker and the load clients). At the end it checks, and exits 1 when one
 * fails: no errors at all (warm-up included); the run was <em>stable</em> — for each kind, the last minute's p99 is at
 * most {@code SOAK_P99_FACTOR} (1.5) times the first minute's plus 10 ms (the jitter of a shared 2-core machine); and
 * the peak RSS of every JVM in the last minute is within 10 % of its first-minute figure.
 * <p>
 * Run with {@code bench/soak.sh}. Settings (environment): {@code SOAK_MINUTES} (10), {@code SOAK_RATE} (requests a
 * second, 30), {@code SOAK_WARMUP_SECONDS} (300, not measured: a service's resident size grows for minutes as its
 * heap's old generation fills the first time, which is not a leak), {@code SOAK_P99_FACTOR} (1.5).
 */
public final class SoakBenchmark {

    static final int ZONES = 250;
    static final String PERIOD = "2015";
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final double P99_SLACK_MILLIS = 10;
    private static final double RSS_TOLERANCE = 0.10;

    enum Kind { RANKING, EXPLANATION, SUBMISSION, BATCH }

    /** What one minute measured; filled from the clients' threads. */
    static final class Minute {
        final Map<Kind, List<Long>> latencies = new EnumMap<>(Kind.class);
        final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        final Map<String, Long> peakRssKb = new ConcurrentHashMap<>();

        Minute() {
            for (Kind kind : Kind.values()) {
                latencies.put(kind, Collections.synchronizedList(new ArrayList<>()));
            }
        }

        long requests() {
            return latencies.values().stream().mapToLong(List::size).sum()
                    + errors.values().stream().mapToLong(AtomicLong::get).sum();
        }

        /** The p-th percentile (0–100) of a kind's latencies in milliseconds, NaN when there were none. */
        double percentile(Kind kind, double p) {
            List<Long> sorted;
            synchronized (latencies.get(kind)) {
                sorted = new ArrayList<>(latencies.get(kind));
            }
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(sorted);
            return sorted.get((int) Math.max(0, Math.ceil(sorted.size() * p / 100) - 1)) / 1e6;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(8);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(clientThreads).build();
    private final LocalStack stack;
    private final String admin;
    private final String analyst;
    private final Random random = new Random(23);
    private final Map<String, Long> jvms = new LinkedHashMap<>();
    private final Minute warmUp = new Minute();
    private final List<Minute> minutes = new ArrayList<>();
    private final List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
    private volatile long measuredFrom;

    private SoakBenchmark(LocalStack stack) {
        this.stack = stack;
        this.admin = stack.tokens().admin();
        this.analyst = stack.tokens().analyst();
        jvms.putAll(stack.pids());
        jvms.put("launcher (Kafka broker, load clients)", ProcessHandle.current().pid());
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int minutes = Integer.parseInt(System.getenv().getOrDefault("SOAK_MINUTES", "10"));
        double rate = Double.parseDouble(System.getenv().getOrDefault("SOAK_RATE", "30"));
        int warmUpSeconds = Integer.parseInt(System.getenv().getOrDefault("SOAK_WARMUP_SECONDS", "300"));
        double p99Factor = Double.parseDouble(System.getenv().getOrDefault("SOAK_P99_FACTOR", "1.5"));
        Path state = BenchState.create();
        // One analyst and one admin token send all the traffic: the run measures the platform, not the per-subject
        // rate limiter (which would answer 429), so both routes' buckets are widened as the other benchmarks do.
        for (String route : new String[] {"indicator", "evaluation"}) {
            System.setProperty("gateway.routes." + route + ".rate-limit.capacity", "1000000");
            System.setProperty("gateway.routes." + route + ".rate-limit.refill-per-second", "1000000");
        }
        boolean passed;
        try (LocalStack stack = BenchState.startStack(root, state)) {
            SoakBenchmark soak = new SoakBenchmark(stack);
            soak.prepare();
            System.out.printf(Locale.ROOT, "[bench] soak: %d min at %.0f requests/s after %d s of warm-up%n", minutes,
                    rate, warmUpSeconds);
            soak.run(minutes, rate, warmUpSeconds);
            passed = soak.check(p99Factor);
        } finally {
            BenchState.cleanUp(state);
        }
        System.exit(passed ? 0 : 1);
    }

    /** Registers the zones and scores them once, so rankings and explanations have something to read. */
    private void prepare() throws Exception {
        for (int z = 0; z < ZONES; z++) {
            send(post("/api/v1/zones", admin, Map.of("code", code(z), "name", "持续负载区" + z, "type", "ETDZ",
                    "province", IndicatorBenchmark.PROVINCES[z % IndicatorBenchmark.PROVINCES.length])), 201);
        }
        send(batch(), 200);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            HttpResponse<String> ranking = http.send(get(rankingPath(), analyst), HttpResponse.BodyHandlers.ofString());
            if (ranking.statusCode() == 200 && json.readTree(ranking.body()).path("total").asInt() == ZONES) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ranking did not list the " + ZONES + " zones within 2 minutes");
            }
            Thread.sleep(200); // polling the read model until it is complete, not waiting for a condition in a test
        }
    }

    private void run(int minuteCount, double rate, int warmUpSeconds) throws Exception {
        for (int m = 0; m < minuteCount; m++) {
            minutes.add(new Minute());
        }
        long start = System.nanoTime();
        measuredFrom = start + TimeUnit.SECONDS.toNanos(warmUpSeconds);
        long end = measuredFrom + minuteCount * MINUTE;
        long period = (long) (1e9 / rate);
        AtomicLong tick = new AtomicLong();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        try {
            timers.scheduleAtFixedRate(() -> {
                long n = tick.getAndIncrement();
                long due = start + n * period;
                if (due < end) {
                    Kind kind = n % 10 < 5 ? Kind.RANKING : n % 10 < 9 ? Kind.EXPLANATION : Kind.SUBMISSION;
                    sendTimed(kind, due, request(kind));
                }
            }, 0, period, TimeUnit.NANOSECONDS);
            timers.scheduleAtFixedRate(this::sampleRss, 0, 2, TimeUnit.SECONDS);
            for (int m = 0; m < minuteCount; m++) {
                long minuteStart = measuredFrom + m * MINUTE;
                sleepUntil(minuteStart);
                sendTimed(Kind.BATCH, minuteStart, batch());
                if (m > 0) {
                    System.out.println("[bench] " + describe("minute " + m, minutes.get(m - 1)));
                }
            }
            sleepUntil(end);
        } finally {
            timers.shutdownNow();
        }
        // answers still on their way count in the minute they were due in
        List<CompletableFuture<?>> pending;
        synchronized (inFlight) {
            pending = new ArrayList<>(inFlight);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(2, TimeUnit.MINUTES);
        clientThreads.shutdown();
    }

    private HttpRequest request(Kind kind) {
        int zone = random.nextInt(ZONES);
        return switch (kind) {
            case RANKING -> get(rankingPath(), analyst);
            case EXPLANATION -> get("/api/v1/scores/" + code(zone) + "/" + PERIOD + "/explanation", analyst);
            case SUBMISSION -> post("/api/v1/submissions", admin, submission(zone));
            case BATCH -> batch();
        };
    }

    /** Sends a request due at {@code due} and records its latency, or its failure, in the minute it was due in. */
    private void sendTimed(Kind kind, long due, HttpRequest request) {
        CompletableFuture<?> answered = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    long latency = System.nanoTime() - due;
                    Minute minute = minuteOf(due);
                    String error = failure != null ? failureName(failure) : unexpected(kind, response);
                    if (error != null) {
                        minute.errors.computeIfAbsent(kind.name().toLowerCase(Locale.ROOT) + " " + error,
                                k -> new AtomicLong()).incrementAndGet();
                    } else {
                        minute.latencies.get(kind).add(latency);
                    }
                    return null;
                });
        inFlight.add(answered);
        answered.whenComplete((ignored, e) -> inFlight.remove(answered));
    }

    /** Null for the answer a kind expects, else what was wrong with it (the status, or rejected batch items). */
    private String unexpected(Kind kind, HttpResponse<String> response) {
        int expected = kind == Kind.SUBMISSION ? 201 : 200;
        if (response.statusCode() != expected) {
            return String.valueOf(response.statusCode());
        }
        if (kind == Kind.BATCH) {
            try {
                JsonNode result = json.readTree(response.body());
                return result.path("accepted").asInt() == ZONES ? null : "rejected-items";
            } catch (IOException e) {
                return "unreadable";
            }
        }
        return null;
    }

    private static String failureName(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof HttpTimeoutException ? "client-timeout" : cause.getClass().getSimpleName();
    }

    private Minute minuteOf(long due) {
        if (due < measuredFrom) {
            return warmUp;
        }
        return minutes.get((int) Math.min(minutes.size() - 1, (due - measuredFrom) / MINUTE));
    }

    private void sampleRss() {
        Minute minute = minuteOf(System.nanoTime());
        jvms.forEach((name, pid) -> minute.peakRssKb.merge(name, rssKb(pid), Math::max));
    }

    private String describe(String label, Minute minute) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %d requests, errors: %s", label,
                minute.requests(), minute.errors.isEmpty() ? "none" : new TreeMap<>(minute.errors)));
        for (Kind kind : Kind.values()) {
            line.append(String.format(Locale.ROOT, " | %s %d p50 %.1f ms p99 %.1f ms", kind.name().toLowerCase(Locale.ROOT),
                    minute.latencies.get(kind).size(), minute.percentile(kind, 50), minute.percentile(kind, 99)));
        }
        line.append(" | RSS ").append(jvms.keySet().stream()
                .map(name -> name + " " + minute.peakRssKb.getOrDefault(name, 0L) / 1024 + " MB")
                .collect(Collectors.joining(", ")));
        return line.toString();
    }

    /** Prints every minute and the checks; true when all pass. */
    private boolean check(double p99Factor) {
        System.out.println("[bench] " + describe("warm-up", warmUp));
        for (int m = 0; m < minutes.size(); m++) {
            System.out.println("RESULT " + describe("minute " + (m + 1), minutes.get(m)));
        }
        Minute first = minutes.get(0);
        Minute last = minutes.get(minutes.size() - 1);
        List<String> failures = new ArrayList<>();
        long errors = java.util.stream.Stream.concat(java.util.stream.Stream.of(warmUp), minutes.stream())
                .flatMap(minute -> minute.errors.values().stream()).mapToLong(AtomicLong::get).sum();
        if (errors > 0) {
            failures.add(errors + " requests failed");
        }
        for (Kind kind : List.of(Kind.RANKING, Kind.EXPLANATION, Kind.SUBMISSION)) {
            double before = first.percentile(kind, 99);
            double after = last.percentile(kind, 99);
            double allowed = before * p99Factor + P99_SLACK_MILLIS;
            System.out.printf(Locale.ROOT, "RESULT %s p99 first minute %.1f ms, last minute %.1f ms (stable: ≤ %.1f ms)%n",
                    kind.name().toLowerCase(Locale.ROOT), before, after, allowed);
            if (!(after <= allowed)) {
                failures.add(kind.name().toLowerCase(Locale.ROOT) + " p99 grew from " + before + " to " + after + " ms");
            }
        }
        for (String jvm : jvms.keySet()) {
            long before = first.peakRssKb.getOrDefault(jvm, 0L);
            long after = last.peakRssKb.getOrDefault(jvm, 0L);
            System.out.printf(Locale.ROOT, "RESULT RSS %s: first minute %d MB, last minute %d MB (%+.1f %%, limit ±10 %%)%n",
                    jvm, before / 1024, after / 1024, before == 0 ? Double.NaN : 100.0 * (after - before) / before);
            if (before == 0 || Math.abs(after - before) > before * RSS_TOLERANCE) {
                failures.add("RSS of " + jvm + " went from " + before / 1024 + " MB to " + after / 1024 + " MB");
            }
        }
        System.out.println(failures.isEmpty() ? "RESULT soak passed: no errors, stable p99, flat RSS"
                : "RESULT soak FAILED: " + String.join("; ", failures));
        return failures.isEmpty();
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return 0; // the process is gone: reported as 0 MB, which fails the check
        }
        return 0;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left); // the load's own clock, not a wait for a condition
        }
    }

    private static String code(int zone) {
        return String.format(Locale.ROOT, "SOAK-%03d", zone);
    }

    private static String rankingPath() {
        return "/api/v1/scores?period=" + PERIOD + "&zoneType=ETDZ&size=" + ZONES;
    }

    private Map<String, Object> submission(int zone) {
        List<Map<String, Object>> values = new ArrayList<>();
        IndicatorBenchmark.values(zone, Integer.parseInt(PERIOD), random)
                .forEach((indicator, value) -> values.add(Map.of("indicator", indicator, "value", value)));
        return Map.of("zone", code(zone), "period", PERIOD, "values", values);
    }

    private HttpRequest batch() {
        List<Map<String, Object>> submissions = new ArrayList<>();
        for (int z = 0; z < ZONES; z++) {
            submissions.add(submission(z));
        }
        return post("/api/v1/submissions/batch", admin, Map.of("submissions", submissions));
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private HttpRequest post(String path, String token, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
