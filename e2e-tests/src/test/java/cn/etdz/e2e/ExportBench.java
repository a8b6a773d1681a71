package cn.etdz.e2e;

import cn.etdz.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The values export of a national data set through the gateway, as CSV and as XLSX: time to the last byte and the
 * indicator service's peak heap (its {@code jvm_memory_used_bytes} heap pools, sampled every 100 ms during the
 * export), side by side with PostgreSQL's {@code COPY (SELECT …) TO STDOUT} of the same query in the same run. Not an
 * {@code *IT}: {@code bench/export.sh} runs it. Size from {@code export.bench.zones}, {@code .indicators},
 * {@code .years} (default 2 500 × 40 × 20 = 2 000 000 values).
 */
class ExportBench {

    private static final int ZONES = Integer.getInteger("export.bench.zones", 2500);
    private static final int INDICATORS = Integer.getInteger("export.bench.indicators", 40);
    private static final int YEARS = Integer.getInteger("export.bench.years", 20);
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.Ee+]+)$");

    /** ValueExportRepository's query for a province, as the export runs it. */
    private static final String QUERY = """
            with chosen as (select distinct on (s.zone_code, s.period) s.id, s.zone_code, s.period, s.revision
              from submission s join zone z on z.code = s.zone_code where true and z.province = '%s'
              order by s.zone_code, s.period, s.revision desc)
            select c.zone_code, z.type, z.province, v.indicator, c.period, v.value, i.unit, v.provisional, c.revision, v.note
            from chosen c join zone z on z.code = c.zone_code join submission_value v on v.submission_id = c.id
            left join indicator i on i.code = v.indicator where true order by c.zone_code, c.period, v.indicator"""
            .formatted(BulkValues.PROVINCE);

    @Test
    void exportsOfANationalDataSet() throws Exception {
        try (LocalStack stack = PackagedStack.start("export-bench")) {
            long started = System.nanoTime();
            long values = BulkValues.seed(stack, ZONES, INDICATORS, YEARS);
            System.out.printf("export-bench: %d zones × %d indicators × %d years = %d values, seeded in %.1f s%n",
                    ZONES, INDICATORS, YEARS, values, (System.nanoTime() - started) / 1e9);
            for (String format : new String[] {"csv", "xlsx", "csv", "xlsx"}) { // the first round warms the JIT
                export(stack, format, values);
            }
            copy(stack, values);
        }
    }

    private static void export(LocalStack stack, String format, long values) throws Exception {
        LocalStack.Service service = stack.service("indicator-service");
        HttpClient http = HttpClient.newHttpClient();
        URI metrics = URI.create(stack.managementUrl(service) + "/q/metrics");
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            try {
                Matcher heap = HEAP.matcher(http.send(HttpRequest.newBuilder(metrics).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                double used = 0;
                while (heap.find()) {
                    used += Double.parseDouble(heap.group(1));
                }
                peak.accumulateAndGet((long) used, Math::max);
            } catch (Exception e) {
                // a missed sample; the next one follows in 100 ms
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        long bytes;
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                        + "/api/v1/exports/values?format=" + format + "&province=" + BulkValues.PROVINCE))
                .header("Authorization", "Bearer " + stack.tokens().analyst()).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            bytes = body.transferTo(OutputStream.nullOutputStream());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.shutdownNow();
        System.out.printf("export-bench: %-4s through the gateway  status %d  %7.1f s  %6.1f MB  %5.2f µs/value  "
                + "indicator-service peak heap %4d MiB (of %d)%n", format, response.statusCode(), seconds, bytes / 1e6,
                seconds * 1e6 / values, peak.get() >> 20, service.heapMiB());
        assertThat(response.statusCode()).as(format + " export").isEqualTo(200);
    }

    private static void copy(LocalStack stack, long values) throws Exception {
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl("indicator"), stack.databaseUser(),
                stack.databasePassword())) {
            for (int round = 0; round < 2; round++) {
                long started = System.nanoTime();
                CountingStream out = new CountingStream();
                long rows = db.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (" + QUERY + ") to stdout with csv", out);
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(rows).isEqualTo(values);
                System.out.printf("export-bench: COPY (SELECT …) TO STDOUT  %7.1f s  %6.1f MB  %5.2f µs/value%n", seconds,
                        out.count / 1e6, seconds * 1e6 / values);
            }
        }
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
