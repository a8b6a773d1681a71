package cn.etdz.localstack.bench;

import cn.etdz.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmarks of the evaluation pipeline through the gateway, on the packaged stack as the local run starts it, with
 * 250 ETDZ zones:
 * <ol>
 * <li>batch: after a batch of 250 submissions is answered, time until the ranking of the period lists every zone
 * at its new revision (goal ≤ 2 s), per round;</li>
 * <li>single submissions, one after another: time from the {@code 201} until the zone's score for the period shows
 * the new revision (goal p99 ≤ 500 ms);</li>
 * <li>the ranking query for 250 zones from 50 concurrent clients (goal p99 ≤ 50 ms), with {@code Accept-Encoding: gzip}
 * as browsers and HTTP libraries send it, and without.</li>
 * </ol>
 * Run with {@code bench/evaluation.sh}; {@code ROUNDS} (default 3) repetitions of the batch, medians reported.
 */
public final class EvaluationBenchmark {

    static final int ZONES = 250;
    static final String PERIOD = "2015";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LocalStack stack;
    private final String admin;
    private final String analyst;
    private final Random random = new Random(17);

    private EvaluationBenchmark(LocalStack stack) {
        this.stack = stack;
        this.admin = stack.tokens().admin();
        this.analyst = stack.tokens().analyst();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "3"));
        Path state = BenchState.create();
        // One analyst token sends thousands of ranking queries a second here: the benchmark measures the pipeline, not
        // the gateway's per-subject rate limiter (which answers 429 and aborts the run), so both routes' buckets are
        // made large, as in IndicatorBenchmark (LocalStack passes gateway.*).
        for (String route : new String[] {"indicator", "evaluation"}) {
            System.setProperty("gateway.routes." + route + ".rate-limit.capacity", "1000000");
            System.setProperty("gateway.routes." + route + ".rate-limit.refill-per-second", "1000000");
        }
        try (LocalStack stack = BenchState.startStack(root, state)) {
            EvaluationBenchmark bench = new EvaluationBenchmark(stack);
            bench.registerZones();
            bench.batches(rounds);
            bench.singles(100);
            bench.rankingQueries(50, 200, "gzip");
            bench.rankingQueries(50, 200, null);
            bench.rankingQueriesWithWrk(50, "gzip");
            bench.rankingQueriesWithWrk(50, null);
        } finally {
            BenchState.cleanUp(state);
        }
    }

    /**
     * The same ranking query from 50 wrk connections (closed loop, as the JVM clients), when wrk is installed: a native
     * load generator takes far less of the two cores than 50 JVM client threads, so this is closer to what the stack
     * itself does. 10 s warm-up, then 20 s measured.
     */
    private void rankingQueriesWithWrk(int connections, String acceptEncoding) throws Exception {
        if (!Wrk.installed()) {
            System.out.println("[bench] wrk not installed (apt-get install wrk): skipping the wrk measurement");
            return;
        }
        String url = stack.gatewayUrl() + "/api/v1/scores?period=" + PERIOD + "&zoneType=ETDZ&size=" + ZONES;
        List<String> options = new ArrayList<>(List.of("-H", "Authorization: Bearer " + analyst));
        if (acceptEncoding != null) {
            options.addAll(List.of("-H", "Accept-Encoding: " + acceptEncoding));
        }
        Wrk.run(connections, options, "10s", url);
        // failed answers are reported, not fatal (the gateway resends a GET whose kept-alive connection the service
        // closed, so there should be none)
        Wrk.Report report = Wrk.run(connections, options, "20s", url);
        System.out.printf(Locale.ROOT, "RESULT ranking query for %d zones (%s), %d wrk connections through the gateway:"
                        + " %s (goal p99 ≤ 50 ms)%n", ZONES,
                acceptEncoding == null ? "identity" : "Accept-Encoding: " + acceptEncoding, connections,
                Wrk.describe(report));
    }

    private static String code(int zone) {
        return String.format(Locale.ROOT, "EVB-%03d", zone);
    }

    private void registerZones() {
        for (int z = 0; z < ZONES; z++) {
            post("/api/v1/zones", admin, Map.of("code", code(z), "name", "评估基准区" + z, "type", "ETDZ",
                    "province", IndicatorBenchmark.PROVINCES[z % IndicatorBenchmark.PROVINCES.length]), 201);
        }
    }

    private Map<String, Object> submission(int zone) {
        List<Map<String, Object>> values = new ArrayList<>();
        IndicatorBenchmark.values(zone, 2015, random)
                .forEach((indicator, value) -> values.add(Map.of("indicator", indicator, "value", value)));
        return Map.of("zone", code(zone), "period", PERIOD, "values", values);
    }

    private void batches(int rounds) throws Exception {
        double[] seconds = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            List<Map<String, Object>> submissions = new ArrayList<>();
            for (int z = 0; z < ZONES; z++) {
                submissions.add(submission(z));
            }
            int revision = r + 1;
            post("/api/v1/submissions/batch", admin, Map.of("submissions", submissions), 200);
            long answered = System.nanoTime();
            while (true) {
                JsonNode ranking = get("/api/v1/scores?period=" + PERIOD + "&zoneType=ETDZ&size=500", analyst);
                if (ranking != null && ranking.path("total").asInt() == ZONES && allAt(ranking, revision)) {
                    break;
                }
                if (System.nanoTime() - answered > 60_000_000_000L) {
                    throw new IllegalStateException("the ranking did not reflect the batch within 60 s");
                }
                Thread.sleep(10);
            }
            seconds[r] = (System.nanoTime() - answered) / 1e9;
            System.out.printf(Locale.ROOT, "[bench] batch round %d: ranking reflects all %d submissions %.3f s after the answer%n",
                    r + 1, ZONES, seconds[r]);
        }
        System.out.printf(Locale.ROOT, "RESULT batch of %d submissions: the ranking reflects all of them after median %.3f s,"
                + " worst %.3f s (goal ≤ 2 s)%n", ZONES, IndicatorBenchmark.median(seconds), Arrays.stream(seconds).max().orElse(0));
    }

    private static boolean allAt(JsonNode ranking, int revision) {
        for (JsonNode item : ranking.path("items")) {
            if (item.path("revision").asInt() != revision) {
                return false;
            }
        }
        return true;
    }

    private void singles(int count) throws Exception {
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            int zone = random.nextInt(ZONES);
            JsonNode accepted = post("/api/v1/submissions", admin, submission(zone), 201);
            long answered = System.nanoTime();
            int revision = accepted.path("revision").asInt();
            while (true) {
                JsonNode score = get("/api/v1/scores/" + code(zone) + "/" + PERIOD, analyst);
                if (score != null && score.path("revision").asInt() == revision) {
                    break;
                }
                if (System.nanoTime() - answered > 30_000_000_000L) {
                    throw new IllegalStateException("revision " + revision + " of " + code(zone) + " not scored within 30 s");
                }
                Thread.sleep(5);
            }
            latencies[i] = System.nanoTime() - answered;
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "RESULT single submissions (%d, one after another): new ranking visible after p50 %.0f ms,"
                        + " p99 %.0f ms (goal p99 ≤ 500 ms)%n", count, latencies[count / 2] / 1e6,
                latencies[(int) Math.ceil(count * 0.99) - 1] / 1e6);
    }

    /**
     * Closed-loop clients reading the whole ranking, as a ministry app does; each answer's status and bytes are
     * received but not parsed (the first one is checked), so the client's own JSON work does not take CPU from the
     * stack it measures on a small machine.
     *
     * @param acceptEncoding the clients' Accept-Encoding header, or null for none (identity)
     */
    private void rankingQueries(int clients, int perClient, String acceptEncoding) throws Exception {
        String path = "/api/v1/scores?period=" + PERIOD + "&zoneType=ETDZ&size=" + ZONES;
        JsonNode checked = get(path, analyst);
        if (checked == null || checked.path("items").size() != ZONES) {
            throw new IllegalStateException("the ranking does not list " + ZONES + " zones");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + analyst);
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        HttpRequest query = request.build();
        long bytes = fetch(query);
        // warm-up at the measured concurrency: the 50 connections to the gateway, and its pool to the service, are
        // opened here rather than inside the measured requests
        run(clients, 20, query);
        long start = System.nanoTime();
        long[] latencies = run(clients, perClient, query);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "RESULT ranking query for %d zones (%s, %d KB), %d concurrent clients × %d through"
                        + " the gateway: p50 %.1f ms, p99 %.1f ms (goal p99 ≤ 50 ms), %.0f queries/s%n", ZONES,
                acceptEncoding == null ? "identity" : "Accept-Encoding: " + acceptEncoding, bytes / 1024, clients,
                perClient, latencies[latencies.length / 2] / 1e6,
                latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6, latencies.length / seconds);
    }

    /** Each of {@code clients} threads sends {@code perClient} queries one after another; the latencies. */
    private long[] run(int clients, int perClient, HttpRequest query) throws Exception {
        long[] latencies = new long[clients * perClient];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        long begin = System.nanoTime();
                        fetch(query);
                        latencies[client * perClient + i] = System.nanoTime() - begin;
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return latencies;
    }

    /** Sends a query and returns the size of its 200 answer; anything else fails the benchmark. */
    private long fetch(HttpRequest query) throws Exception {
        HttpResponse<byte[]> response = http.send(query, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ranking query answered " + response.statusCode());
        }
        return response.body().length;
    }

    private JsonNode post(String path, String token, Object body, int expected) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of a 200, or {@code null} for any other answer (e.g. 404 before the first snapshot). */
    private JsonNode get(String path, String token) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
