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
 * The ranking query's variants on a national-scale peer group (default 2 500 ETDZ zones, {@code ZONES}), through the
 * gateway on the packaged stack, 10 closed-loop clients with {@code Accept-Encoding: gzip}, pages of 50:
 * <ol>
 * <li>the default page (national order), served precomputed;</li>
 * <li>a page of another order ({@code sort=-composite}), computed once and then kept;</li>
 * <li>name searches, each a different text (computed per request, never kept);</li>
 * <li>a search all zones match, sorted by Chinese name (computed per request: the whole table filtered, collated and
 * cut into a page) — the worst case.</li>
 * </ol>
 * Run with {@code bench/ranking.sh}. Prints one RESULT line per case.
 */
public final class RankingQueryBenchmark {

    private static final String PERIOD = "2015";
    private static final int CLIENTS = 10;
    private static final int PER_CLIENT = 100;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LocalStack stack;
    private final String admin;
    private final String analyst;
    private final int zones;
    private final Random random = new Random(17);

    private RankingQueryBenchmark(LocalStack stack, int zones) {
        this.stack = stack;
        this.admin = stack.tokens().admin();
        this.analyst = stack.tokens().analyst();
        this.zones = zones;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int zones = Integer.parseInt(System.getenv().getOrDefault("ZONES", "2500"));
        Path state = BenchState.create();
        // thousands of queries a second from one token: the rate limiter is not what is measured (as in the others)
        for (String route : new String[] {"indicator", "evaluation"}) {
            System.setProperty("gateway.routes." + route + ".rate-limit.capacity", "1000000");
            System.setProperty("gateway.routes." + route + ".rate-limit.refill-per-second", "1000000");
        }
        try (LocalStack stack = BenchState.startStack(root, state)) {
            RankingQueryBenchmark bench = new RankingQueryBenchmark(stack, zones);
            bench.loadZones();
            String group = "/api/v1/scores?period=" + PERIOD + "&zoneType=ETDZ&size=50";
            bench.measure("default page", List.of(group));
            bench.measure("sort=-composite, page 20", List.of(group + "&sort=-composite&page=20"));
            bench.measure("q= a different name each time", bench.searches(group));
            bench.measure("q= matching every zone, sort=name, page 3", List.of(group + "&q=bench&sort=name&page=3"));
        } finally {
            BenchState.cleanUp(state);
        }
    }

    /** A search for each query: a zone number, which a handful of codes and names contain. */
    private List<String> searches(String group) {
        List<String> searches = new ArrayList<>();
        for (int i = 0; i < CLIENTS * PER_CLIENT; i++) {
            searches.add(group + "&q=" + random.nextInt(zones));
        }
        return searches;
    }

    private static String code(int zone) {
        return String.format(Locale.ROOT, "RQB-%04d", zone);
    }

    /** Registers the zones, submits a year for each in batches of 250 and waits until all are ranked. */
    private void loadZones() throws Exception {
        for (int z = 0; z < zones; z++) {
            post("/api/v1/zones", Map.of("code", code(z), "name", "排名基准区" + z, "nameEn", "Ranking bench zone " + z,
                    "type", "ETDZ", "province", IndicatorBenchmark.PROVINCES[z % IndicatorBenchmark.PROVINCES.length]), 201);
        }
        for (int from = 0; from < zones; from += 250) {
            List<Map<String, Object>> submissions = new ArrayList<>();
            for (int z = from; z < Math.min(zones, from + 250); z++) {
                List<Map<String, Object>> values = new ArrayList<>();
                IndicatorBenchmark.values(z, 2015, random)
                        .forEach((indicator, value) -> values.add(Map.of("indicator", indicator, "value", value)));
                submissions.add(Map.of("zone", code(z), "period", PERIOD, "values", values));
            }
            post("/api/v1/submissions/batch", Map.of("submissions", submissions), 200);
        }
        long start = System.nanoTime();
        while (true) {
            JsonNode ranking = get("/api/v1/scores?period=" + PERIOD + "&zoneType=ETDZ&size=1");
            if (ranking != null && ranking.path("total").asInt() == zones) {
                break;
            }
            if (System.nanoTime() - start > 300_000_000_000L) {
                throw new IllegalStateException("the ranking did not list " + zones + " zones within 5 minutes");
            }
            Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "[bench] %d zones ranked%n", zones);
    }

    /** Closed-loop clients cycling through the paths; a warm-up round first, then p50 and p99. */
    private void measure(String name, List<String> paths) throws Exception {
        List<HttpRequest> requests = paths.stream().map(path -> HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + analyst).header("Accept-Encoding", "gzip").build()).toList();
        run(requests, 20);
        long[] latencies = run(requests, PER_CLIENT);
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "RESULT ranking %s, %d zones, %d clients × %d through the gateway: p50 %.1f ms,"
                        + " p99 %.1f ms%n", name, zones, CLIENTS, PER_CLIENT, latencies[latencies.length / 2] / 1e6,
                latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6);
    }

    private long[] run(List<HttpRequest> requests, int perClient) throws Exception {
        long[] latencies = new long[CLIENTS * perClient];
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        int n = client * perClient + i;
                        long begin = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(requests.get(n % requests.size()),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("ranking query answered " + response.statusCode());
                        }
                        latencies[n] = System.nanoTime() - begin;
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

    private void post(String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + analyst).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }
}
