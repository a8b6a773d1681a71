package cn.etdz.e2e;

import cn.etdz.common.events.EventTypes;
import cn.etdz.localstack.LocalStack;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults on the packaged stack, as {@code deploy/local/run.sh} starts it: a service killed with SIGKILL and restarted,
 * PostgreSQL stopped and started under load, the broker stopped and started. After each, every submission the
 * indicator service accepted reaches the evaluation service exactly once (its applied-event log has one entry per
 * stored revision, its read model and ranking hold the newest one), and the time to recover is measured and printed
 * on one {@code recovery:} line at the end. Each test has its own zones and period, so the checks see only its data.
 */
class FaultRecoveryIT {

    private static final String PROVINCE = "320000";
    private static final Map<String, String> RECOVERY = new TreeMap<>();
    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = PackagedStack.start("faults");
    }

    @AfterAll
    static void stopStack() {
        System.out.println("recovery: " + RECOVERY.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining("; ")));
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * The evaluation service dies mid-batch and is started again at once: the new process takes over its own
     * partitions (static group membership) instead of waiting for the dead member's session to expire.
     */
    @Test
    void theEvaluationServiceKilledMidBatchResumesWithinTenSecondsOfItsRestart() {
        String period = "2016";
        List<String> zones = registerZones("FRE", 30);
        assertThat(postBatch(batch(zones, period, 1)).getInt("accepted")).isEqualTo(30);
        // more rounds arrive while the service is down: the indicator service keeps accepting them
        CompletableFuture<Void> moreRounds = CompletableFuture.runAsync(() -> {
            for (int round = 2; round <= 3; round++) {
                assertThat(postBatch(batch(zones, period, round)).getInt("accepted")).isEqualTo(30);
            }
        });

        long killed = System.nanoTime();
        stack.killService("evaluation-service");
        stack.restartService("evaluation-service");
        long ready = System.nanoTime();
        moreRounds.join();
        assertEverythingArrivedOnce(zones, period, 3);
        long current = System.nanoTime();

        RECOVERY.put("1 evaluation kill -9", "restart %d ms, then ranking current in %d ms".formatted(
                millis(killed, ready), millis(ready, current)));
        assertThat(millis(ready, current)).as("ms from the restarted service's readiness to a current ranking")
                .isLessThanOrEqualTo(10_000);
    }

    /**
     * The indicator service dies while a large batch is being stored: the batch is stored whole or not at all, and
     * the caller, resending it with the same Idempotency-Key after the restart, learns which it was and gets no second
     * revision.
     */
    @Test
    void theIndicatorServiceKilledMidImportStoresTheBatchWholeOrNotAtAllAndTheResendIsSafe() throws Exception {
        List<String> zones = registerZones("FRI", 100);
        List<String> periods = IntStream.rangeClosed(2001, 2010).mapToObj(String::valueOf).toList();
        String key = UUID.randomUUID().toString();
        String body = batchOfPeriods(zones, periods);

        CompletableFuture<Integer> firstAttempt = CompletableFuture.supplyAsync(() -> as(submitter())
                .header("Idempotency-Key", key).body(body).post("/api/v1/submissions/batch").statusCode());
        awaitWritingTransaction();
        long killed = System.nanoTime();
        stack.killService("indicator-service");
        int storedAtKill = submissionCount(zones);
        assertThat(storedAtKill).as("submissions stored of the batch of 1000 the kill interrupted").isIn(0, 1000);
        if (firstAttempt.join() == 200) {
            assertThat(storedAtKill).as("answered before the kill").isEqualTo(1000);
        }

        stack.restartService("indicator-service");
        long ready = System.nanoTime();
        Response resent = as(submitter()).header("Idempotency-Key", key).body(body).post("/api/v1/submissions/batch");
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.header("Idempotency-Replayed")).isEqualTo(storedAtKill == 0 ? null : "true");
        assertThat(resent.jsonPath().getInt("accepted")).isEqualTo(1000);
        assertThat(resent.jsonPath().getList("results.revision", Integer.class)).containsOnly(1);
        for (String period : periods) {
            assertEverythingArrivedOnce(zones, period, 1);
        }
        long current = System.nanoTime();
        RECOVERY.put("2 indicator kill -9 mid-import", "batch %s at the kill, restart %d ms, resent batch applied in %d ms"
                .formatted(storedAtKill == 0 ? "not stored" : "stored whole", millis(killed, ready), millis(ready, current)));
    }

    /**
     * PostgreSQL goes down under load: both services answer 503 problems with Retry-After (never 500) and report not
     * ready; a client resending each submission with its Idempotency-Key until it is stored creates no extra revision;
     * when PostgreSQL is back both services recover by themselves, the outbox drains and nothing is lost.
     */
    @Test
    void whilePostgresqlIsDownBothServicesAnswer503AndRecoverByThemselves() throws Exception {
        String period = "2018";
        List<String> zones = registerZones("FRD", 20);
        assertThat(postBatch(batch(zones, period, 1)).getInt("accepted")).isEqualTo(20);
        assertEverythingArrivedOnce(zones, period, 1);

        Set<Integer> statuses = new ConcurrentSkipListSet<>();
        Map<String, Integer> stored = new ConcurrentHashMap<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            for (int i = 0; loading.get(); i++) {
                String zone = zones.get(i % zones.size());
                String key = UUID.randomUUID().toString();
                String body = submission(zone, period, 2 + i);
                // as a careful client does: the same request with the same key until it is stored
                while (true) {
                    Response answer = as(submitter()).header("Idempotency-Key", key).body(body)
                            .post("/api/v1/submissions");
                    statuses.add(answer.statusCode());
                    pause(); // about 10 requests a second, well inside the gateway's rate limit
                    if (answer.statusCode() == 201) {
                        stored.merge(zone, 1, Integer::sum);
                        break;
                    }
                    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                    assertThat(answer.header("Retry-After")).isNotBlank();
                }
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> stored.values().stream().mapToInt(Integer::intValue).sum() >= 10);

        long stopped = System.nanoTime();
        stack.stopDatabase();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses.contains(503));
            Response read = as(analyst()).get("/api/v1/inputs/" + zones.get(0) + "/" + period);
            assertThat(read.statusCode()).as(read.asString()).isEqualTo(503);
            assertThat(read.contentType()).startsWith("application/problem+json");
            assertThat(read.header("Retry-After")).isNotBlank();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(readiness("indicator-service")).isEqualTo(503);
                assertThat(readiness("evaluation-service")).isEqualTo(503);
            });
        } finally {
            stack.startDatabase();
        }
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(readiness("indicator-service")).isEqualTo(200);
            assertThat(readiness("evaluation-service")).isEqualTo(200);
        });
        long ready = System.nanoTime();
        int storedBeforeEnd = stored.values().stream().mapToInt(Integer::intValue).sum();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (load.isDone()) {
                load.join(); // the client's failed assertion, if any
            }
            return stored.values().stream().mapToInt(Integer::intValue).sum() >= storedBeforeEnd + 10;
        });
        loading.set(false);
        load.join();
        assertThat(statuses).as("every answer during the outage").containsOnly(201, 503);

        Map<String, Integer> expected = new HashMap<>();
        zones.forEach(zone -> expected.put(zone, 1 + stored.getOrDefault(zone, 0)));
        assertEverythingArrivedOnce(expected, period);
        long current = System.nanoTime();
        RECOVERY.put("3 PostgreSQL down", "%d ms down; both services ready %d ms after it was back, everything applied after %d ms"
                .formatted(millis(stopped, started), millis(started, ready), millis(started, current)));
    }

    /**
     * The broker goes down while submissions keep arriving: the indicator service stores them in its outbox, and when
     * the broker is back the outbox drains and the evaluation service resumes by itself and catches up.
     */
    @Test
    void afterTheBrokerIsBackTheEvaluationServiceCatchesUpByItself() throws Exception {
        String period = "2019";
        List<String> zones = registerZones("FRK", 20);
        assertThat(postBatch(batch(zones, period, 1)).getInt("accepted")).isEqualTo(20);
        assertEverythingArrivedOnce(zones, period, 1);

        long stopped = System.nanoTime();
        stack.kafka().stopBroker();
        try {
            for (int round = 2; round <= 3; round++) {
                assertThat(postBatch(batch(zones, period, round)).getInt("accepted")).isEqualTo(20);
            }
            assertThat(query("indicator", "select count(*) from outbox where subject = any(?)", zones))
                    .as("events waiting in the outbox while the broker is down").isGreaterThanOrEqualTo(40);
        } finally {
            stack.kafka().startBroker();
        }
        long started = System.nanoTime();
        assertEverythingArrivedOnce(zones, period, 3);
        long current = System.nanoTime();
        RECOVERY.put("4 broker down", "%d ms down; ranking current %d ms after it was back"
                .formatted(millis(stopped, started), millis(started, current)));
    }

    // --- checks -----------------------------------------------------------------------------------------------------

    private static void assertEverythingArrivedOnce(List<String> zones, String period, int revisions) {
        Map<String, Integer> expected = new HashMap<>();
        zones.forEach(zone -> expected.put(zone, revisions));
        assertEverythingArrivedOnce(expected, period);
    }

    /**
     * Each zone holds exactly the expected revisions 1…n in the indicator service (none lost, none doubled), the
     * outbox has drained, and the evaluation service has recorded each revision's event exactly once, holds the
     * newest revision and ranks the zone on it.
     */
    private static void assertEverythingArrivedOnce(Map<String, Integer> expected, String period) {
        List<String> zones = new ArrayList<>(expected.keySet());
        Map<String, List<Integer>> stored = new HashMap<>();
        queryRows("indicator", "select zone_code, revision from submission where zone_code = any(?) and period = '"
                + period + "' order by zone_code, revision", zones)
                .forEach(row -> stored.computeIfAbsent((String) row[0], zone -> new ArrayList<>()).add((Integer) row[1]));
        expected.forEach((zone, revisions) -> assertThat(stored.get(zone)).as("revisions of %s/%s", zone, period)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, revisions).boxed().toList()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(query("indicator", "select count(*) from outbox where subject = any(?)", zones))
                    .as("events not yet published").isZero();
            Map<String, Integer> held = new HashMap<>();
            queryRows("evaluation", "select zone_code, revision from zone_period_input where zone_code = any(?) and period = '"
                    + period + "'", zones).forEach(row -> held.put((String) row[0], (Integer) row[1]));
            assertThat(held).as("revisions the evaluation service holds").isEqualTo(expected);
            JsonPath ranking = as(analyst()).queryParam("period", period).queryParam("zoneType", "ETDZ")
                    .queryParam("province", PROVINCE).queryParam("size", 500).get("/api/v1/scores")
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Integer> ranked = new HashMap<>();
            ranking.getList("items", Map.class).stream().filter(item -> expected.containsKey((String) item.get("zone")))
                    .forEach(item -> ranked.put((String) item.get("zone"), (Integer) item.get("revision")));
            assertThat(ranked).as("revisions the ranking was computed from").isEqualTo(expected);
            // one applied-event entry per stored revision (of every period of these zones): a redelivered event is
            // recognised and skipped, and no revision arrives under two event ids
            long events = query("evaluation", "select count(*) from applied_event where event_type = '"
                    + EventTypes.SUBMISSION_ACCEPTED + "' and subject = any(?)", zones);
            long submissions = query("indicator", "select count(*) from submission where zone_code = any(?)", zones);
            assertThat(events).as("submission events the evaluation service applied").isEqualTo(submissions);
        });
    }

    /** Readiness as the service's management port reports it, with its database check. */
    private static int readiness(String service) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.managementUrl(stack.service(service))
                + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Waits until the indicator service's database has a transaction that has written and not yet committed. */
    private static void awaitWritingTransaction() throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("postgres"), stack.databaseUser(),
                stack.databasePassword());
             // the outbox relay's own short transactions (it locks and deletes published rows) do not count
             PreparedStatement writing = connection.prepareStatement("""
                     select count(*) from pg_stat_activity where datname = 'indicator' and backend_xid is not null
                       and query not like '%outbox%'""")) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> {
                try (ResultSet count = writing.executeQuery()) {
                    return count.next() && count.getLong(1) > 0;
                }
            });
        }
    }

    private static int submissionCount(List<String> zones) {
        return (int) query("indicator", "select count(*) from submission where zone_code = any(?)", zones);
    }

    private static long query(String database, String sql, List<String> codes) {
        return ((Number) queryRows(database, sql, codes).get(0)[0]).longValue();
    }

    private static List<Object[]> queryRows(String database, String sql, List<String> codes) {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database), stack.databaseUser(),
                stack.databasePassword());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                statement.setArray(1, connection.createArrayOf("varchar", codes.toArray()));
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    // --- requests ---------------------------------------------------------------------------------------------------

    private static List<String> registerZones(String prefix, int count) {
        String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = "%s-%s-%03d".formatted(prefix, run, i);
            as(stack.tokens().admin())
                    .body("""
                            {"code": "%s", "name": "故障测试区 %d", "type": "ETDZ", "province": "%s"}""".formatted(code, i, PROVINCE))
                    .post("/api/v1/zones")
                    .then().statusCode(201);
            codes.add(code);
        }
        return codes;
    }

    private static String submission(String zone, String period, int round) {
        return """
                {"zone": "%s", "period": "%s", "values": [{"indicator": "GDP", "value": %d},
                 {"indicator": "TAX", "value": %d}, {"indicator": "EMPLOYEES", "value": %d}]}"""
                .formatted(zone, period, 100 + zone.hashCode() % 50 + round, 10 + round, 5 + round % 7);
    }

    private static String batch(List<String> zones, String period, int round) {
        return zones.stream().map(zone -> submission(zone, period, round))
                .collect(Collectors.joining(",", "{\"submissions\": [", "]}"));
    }

    private static String batchOfPeriods(List<String> zones, List<String> periods) {
        return periods.stream().flatMap(period -> zones.stream().map(zone -> submission(zone, period, 1)))
                .collect(Collectors.joining(",", "{\"submissions\": [", "]}"));
    }

    private static JsonPath postBatch(String body) {
        return as(submitter()).body(body).post("/api/v1/submissions/batch").then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String submitter() {
        return stack.tokens().submitter(PROVINCE);
    }

    private static String analyst() {
        return stack.tokens().analyst();
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /** A client's pause between requests (shorter than Retry-After after a 503, to see the recovery sooner). */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
