package cn.etdz.e2e;

import cn.etdz.localstack.LocalStack;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Report cards on the demo data through the gateway: wall time and the evaluation service's CPU time (user + system
 * of its process, from {@code /proc/<pid>/stat}) per card and for the zip of the province with the most zones, the
 * median of {@code report-card.bench.runs} runs after a warm-up. Not an {@code *IT}: {@code bench/report-card.sh} runs
 * it. Prints one {@code report-card-bench:} line per figure.
 */
class ReportCardBench {

    private static final int RUNS = Integer.getInteger("report-card.bench.runs", 9);
    private static final String PERIOD = "2015";
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    @Test
    void reportCardsOfTheDemoData() throws Exception {
        try (LocalStack stack = PackagedStack.start("report-card-bench")) {
            System.out.println("report-card-bench: " + stack.loadDemoData());
            String analyst = "Bearer " + stack.tokens().analyst();
            awaitStableRanking(analyst);
            Map<String, Long> zonesByProvince = zonesByProvince(analyst);
            String province = zonesByProvince.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            String zone = given().header("Authorization", analyst).get("/api/v1/scores?period=" + PERIOD
                    + "&zoneType=ETDZ&province=" + province + "&size=1").then().statusCode(200).extract()
                    .path("items[0].zone");
            long pid = stack.pids().get("evaluation-service");
            HttpClient http = HttpClient.newHttpClient();
            URI card = URI.create(stack.gatewayUrl() + "/api/v1/report-cards/" + zone + "?period=" + PERIOD);
            URI zip = URI.create(stack.gatewayUrl() + "/api/v1/report-cards?province=" + province + "&period=" + PERIOD);
            for (int warm = 0; warm < 3; warm++) {
                measure(http, card, analyst, "zh-CN", pid);
                measure(http, zip, analyst, "zh-CN", pid);
            }
            report("card zh-CN " + zone, measureRuns(http, card, analyst, "zh-CN", pid));
            report("card en    " + zone, measureRuns(http, card, analyst, "en", pid));
            report("zip zh-CN  province " + province + " (" + zonesByProvince.get(province) + " zones)",
                    measureRuns(http, zip, analyst, "zh-CN", pid));
        }
    }

    /** The demo data's recomputations are debounced: wait until the 2015 rankings stop changing. */
    private static void awaitStableRanking(String token) {
        long[] last = {-1, -1};
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            var etdz = given().header("Authorization", token).get("/api/v1/scores?period=" + PERIOD + "&zoneType=ETDZ&size=1");
            var becz = given().header("Authorization", token).get("/api/v1/scores?period=" + PERIOD + "&zoneType=BECZ&size=1");
            if (etdz.statusCode() != 200 || becz.statusCode() != 200) {
                return false;
            }
            long[] now = {etdz.jsonPath().getLong("snapshot.id"), becz.jsonPath().getLong("snapshot.id")};
            boolean stable = now[0] == last[0] && now[1] == last[1];
            last[0] = now[0];
            last[1] = now[1];
            return stable;
        });
    }

    private static Map<String, Long> zonesByProvince(String token) {
        JsonPath zones = given().header("Authorization", token).get("/api/v1/zones?size=500").then().statusCode(200)
                .extract().jsonPath();
        return zones.getList("items.province", String.class).stream()
                .collect(Collectors.groupingBy(p -> p, Collectors.counting()));
    }

    /** One run: { wall seconds, CPU seconds of the evaluation service, bytes }. */
    private static double[] measure(HttpClient http, URI uri, String token, String language, long pid) throws Exception {
        long cpuBefore = cpuTicks(pid);
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", token)
                .header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes;
        try (InputStream body = response.body()) {
            bytes = body.transferTo(OutputStream.nullOutputStream());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (double) (cpuTicks(pid) - cpuBefore) / TICKS_PER_SECOND;
        assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
        return new double[] {seconds, cpu, bytes};
    }

    private static List<double[]> measureRuns(HttpClient http, URI uri, String token, String language, long pid)
            throws Exception {
        List<double[]> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(measure(http, uri, token, language, pid));
        }
        return runs;
    }

    private static void report(String what, List<double[]> runs) {
        System.out.printf("report-card-bench: %-45s median of %d: %7.1f ms wall, %7.1f ms CPU, %8.1f kB"
                        + "  (wall min %.1f, max %.1f ms)%n", what, runs.size(), median(runs, 0) * 1000,
                median(runs, 1) * 1000, median(runs, 2) / 1000,
                runs.stream().mapToDouble(r -> r[0]).min().orElseThrow() * 1000,
                runs.stream().mapToDouble(r -> r[0]).max().orElseThrow() * 1000);
    }

    private static double median(List<double[]> runs, int index) {
        List<Double> values = runs.stream().map(r -> r[index]).sorted(Comparator.naturalOrder()).toList();
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** utime + stime of the process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
