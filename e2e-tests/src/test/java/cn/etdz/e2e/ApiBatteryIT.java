package cn.etdz.e2e;

import cn.etdz.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of the gateway's merged OpenAPI document, read at test time, attacked with bad input: each answer
 * must be a 4xx problem ({@code type}, {@code title}, {@code status}) or, where the input is in fact valid, a 2xx —
 * never a 5xx, never a hang.
 * <p>
 * For each operation the battery builds a valid base request: path parameters naming data loaded first (ETDZ zones of
 * two provinces with two years of submissions, so scores exist), the query parameters it requires, an admin token
 * (who may do what is the authorisation matrix's business) and, for a body, a known-good document per schema from a
 * small table ({@link #bases}), else one built from the schema and its examples. Then every parameter and every body
 * field — recursively, including the first item of each array and the keys of maps — gets each of {@link Variants};
 * and each body is sent as the wrong media type and as malformed JSON (a workbook: empty, not a zip, cut in half, a zip
 * bomb).
 * <p>
 * Changes nothing: after every request to a mutating operation a {@link DataFingerprint} of both databases is read;
 * when the request was refused it must equal the reference, the state before the request. Mutations that are
 * accepted (2xx, e.g. a submission without {@code dryRun=true}, or a zone with an optional field left out) are
 * expected and accounted for: when one wrote anything, the battery waits until both outboxes are empty and neither
 * database has changed for a second (the event reached the evaluation service, peer groups were rescored), and takes
 * that state as the new reference. So that accepted mutations never touch the data loaded first, the mutating bases
 * work on data of their own: a BECZ zone for submissions and updates, fresh codes for registrations, a BECZ
 * methodology; mutating operations that can validate only ({@code dryRun}) are based on that. At the end, the
 * fingerprint of the loaded ETDZ data (its zones, submissions, inputs, ETDZ methodologies and snapshots) must be the
 * same as before the battery.
 * <p>
 * Every failure is collected and listed at once (method, path, variant, status, the body's first 200 characters).
 */
class ApiBatteryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> SEED_ZONES = List.of("SUZHOU-IP", "NANJING-ETDZ", "GUANGZHOU-ETDZ", "SHENZHEN-ETDZ");
    private static final String OWN_ZONE = "BATTERY-BECZ";
    private static final String FRESH_CODE = "@FRESH@";
    private static final List<String> GATEWAY_LIMITS = List.of("indicator", "evaluation").stream()
            .flatMap(route -> List.of("gateway.routes." + route + ".rate-limit.capacity",
                    "gateway.routes." + route + ".rate-limit.refill-per-second").stream()).toList();

    private static LocalStack stack;
    private static HttpClient http;
    private static DataFingerprint fingerprint;
    private static Backlog backlog;
    private static String seedSubmissionId;
    private static final Map<String, JsonNode> bases = new LinkedHashMap<>();
    private static String baseCsv;
    /** The submission workbook of the battery's province, its BECZ zone's required values filled in. */
    private static byte[] baseWorkbook;
    private static final AtomicInteger freshCodes = new AtomicInteger();

    private final List<String> failures = new ArrayList<>();
    private int requests;
    private int accepted;
    private Map<String, String> reference;

    @BeforeAll
    static void startStackAndLoadData() throws Exception {
        // the battery sends a few thousand requests with one token: lift the gateway's rate limits as the benchmarks do
        GATEWAY_LIMITS.forEach(name -> System.setProperty(name, "1000000"));
        stack = PackagedStack.start("battery");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        fingerprint = new DataFingerprint(Map.of("indicator", stack.jdbcUrl("indicator"),
                "evaluation", stack.jdbcUrl("evaluation")), stack.databaseUser(), stack.databasePassword());
        backlog = new Backlog(stack);
        loadData();
    }

    @AfterAll
    static void stopStack() throws Exception {
        GATEWAY_LIMITS.forEach(System::clearProperty);
        if (fingerprint != null) {
            fingerprint.close();
        }
        if (backlog != null) {
            backlog.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** Four ETDZ zones of Jiangsu and Guangdong with 2014 and 2015 values, scored; and the battery's own BECZ zone. */
    private static void loadData() throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < SEED_ZONES.size(); i++) {
            register(SEED_ZONES.get(i), "ETDZ", i < 2 ? "320000" : "440000");
        }
        register(OWN_ZONE, "BECZ", "320000");
        List<JsonNode> etdz = required("ETDZ");
        for (int i = 0; i < SEED_ZONES.size(); i++) {
            for (String period : List.of("2014", "2015")) {
                ObjectNode submission = submission(SEED_ZONES.get(i), period, etdz, 100.0 * (i + 1) + period.hashCode() % 7);
                HttpResponse<String> stored = send("POST", "/api/v1/submissions", Map.of(), "application/json",
                        submission.toString());
                assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
                seedSubmissionId = JSON.readTree(stored.body()).get("id").asText();
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> ranking = send("GET", "/api/v1/scores?period=2015&zoneType=ETDZ", Map.of(), null, null);
            return ranking.statusCode() == 200 && JSON.readTree(ranking.body()).path("items").size() == SEED_ZONES.size();
        });

        List<JsonNode> becz = required("BECZ");
        ObjectNode own = submission(OWN_ZONE, "2015", becz, 1);
        own.put("receivedAt", "2016-03-01T00:00:00Z");
        ((ObjectNode) own.get("values").get(0)).put("unit", becz.get(0).get("unit").asText())
                .put("provisional", false).put("note", "battery");
        bases.put("SubmissionRequest", own);
        bases.put("BatchRequest", JSON.createObjectNode().set("submissions", JSON.createArrayNode().add(own)));
        bases.put("ZoneRequest", JSON.readTree("""
                {"code": "%s", "name": "电池测试区", "nameEn": "Battery test zone", "type": "BECZ", "province": "320000",
                 "approvedOn": "2010-01-01", "status": "ACTIVE", "developedAreaKm2": 10.5}""".formatted(FRESH_CODE)));
        ObjectNode methodology = (ObjectNode) methodology("plan-2012-BECZ@1");
        methodology.put("id", "battery-becz");
        bases.put("MethodologyRequest", methodology);
        ObjectNode simulation = JSON.createObjectNode();
        simulation.set("methodology", methodology("plan-2012-ETDZ@1"));
        simulation.set("zones", JSON.readTree("""
                [{"code": "A", "type": "ETDZ", "region": "EAST"}, {"code": "B", "type": "ETDZ", "region": "WEST"}]"""));
        ObjectNode values = simulation.putObject("values");
        ObjectNode previous = simulation.putObject("previousValues");
        for (String zone : List.of("A", "B")) {
            ObjectNode of = values.putObject(zone);
            ObjectNode before = previous.putObject(zone);
            etdz.forEach(rule -> {
                of.put(rule.get("code").asText(), zone.equals("A") ? 120.0 : 80.0);
                before.put(rule.get("code").asText(), 100.0);
            });
        }
        bases.put("SimulationRequest", simulation);
        StringBuilder csv = new StringBuilder("zone,period,indicator,value,note\n");
        becz.forEach(rule -> csv.append(OWN_ZONE).append(",2015,").append(rule.get("code").asText()).append(",1,battery\n"));
        baseCsv = csv.toString();
        baseWorkbook = filledWorkbook(becz);
        System.out.printf("[battery] data loaded and scored in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    /** The template of Jiangsu for 2015 as the service writes it, with 1 in each required cell of the BECZ zone's row. */
    private static byte[] filledWorkbook(List<JsonNode> required) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                        + "/api/v1/submissions/workbook?province=320000&period=2015"))
                .header("Authorization", "Bearer " + stack.tokens().admin()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheet("BECZ");
            Row codes = sheet.getRow(4);
            Row own = null;
            for (Row row : sheet) {
                if (OWN_ZONE.equals(row.getCell(0) == null ? null : row.getCell(0).toString())) {
                    own = row;
                }
            }
            assertThat(own).as("the BECZ zone's row in the template").isNotNull();
            for (Cell code : codes) {
                String indicator = code.getStringCellValue();
                if (required.stream().anyMatch(rule -> rule.get("code").asText().equals(indicator))) {
                    own.createCell(code.getColumnIndex()).setCellValue(1);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** A zip of 8 KB whose one entry expands to 64 MB of zeros. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void register(String code, String type, String province) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/zones", Map.of(), "application/json", """
                {"code": "%s", "name": "测试区 %s", "type": "%s", "province": "%s"}""".formatted(code, code, type, province));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static List<JsonNode> required(String zoneType) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/indicators?zoneType=" + zoneType, Map.of(), null, null);
        List<JsonNode> required = new ArrayList<>();
        JSON.readTree(response.body()).forEach(rule -> {
            if (rule.path("required").asBoolean()) {
                required.add(rule);
            }
        });
        assertThat(required).isNotEmpty();
        return required;
    }

    private static ObjectNode submission(String zone, String period, List<JsonNode> rules, double value) {
        ObjectNode submission = JSON.createObjectNode().put("zone", zone).put("period", period);
        ArrayNode values = submission.putArray("values");
        rules.forEach(rule -> values.addObject().put("indicator", rule.get("code").asText()).put("value", value));
        return submission;
    }

    private static JsonNode methodology(String key) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/methodologies/" + key, Map.of(), null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ObjectNode methodology = (ObjectNode) JSON.readTree(response.body()).get("methodology");
        methodology.remove("version"); // numbered by the service, not part of a request
        return methodology;
    }

    @Test
    void noInputMakesAnyOperationFailOrChangeWhatItRefuses() throws Exception {
        long start = System.nanoTime();
        Map<String, String> seedBefore = fingerprint.of(SEED_ZONES);
        reference = fingerprint.all();
        JsonNode document = JSON.readTree(send("GET", "/openapi", Map.of(), null, null).body());
        ApiOperations api = new ApiOperations(document);
        List<ApiOperations.Operation> operations = api.operations().stream()
                .filter(operation -> operation.path().startsWith("/api/")).toList();
        Set<String> covered = new LinkedHashSet<>();
        for (ApiOperations.Operation operation : operations) {
            attack(operation, api);
            covered.add(operation.id());
        }
        awaitQuiet();
        String seedChange = DataFingerprint.difference(seedBefore, fingerprint.of(SEED_ZONES));
        if (!seedChange.isEmpty()) {
            fail("the data loaded before the battery changed: " + seedChange);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        System.out.printf("[battery] %d requests to %d operations (%d accepted mutations) in %d s; %d failures%n",
                requests, covered.size(), accepted, seconds, failures.size());
        assertThat(covered).as("operations covered").hasSizeGreaterThanOrEqualTo(24);
        assertThat(requests).as("requests sent").isGreaterThanOrEqualTo(2_000);
        assertThat(failures).as(failures.size() + " failures:\n" + String.join("\n", failures)).isEmpty();
    }

    private void attack(ApiOperations.Operation operation, ApiOperations api) throws Exception {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (ApiOperations.Parameter parameter : operation.parameters()) {
            String value = baseValue(operation, parameter);
            switch (parameter.in()) {
                case "path" -> path.put(parameter.name(), value);
                case "query" -> {
                    if (value != null) {
                        query.put(parameter.name(), value);
                    }
                }
                case "header" -> {
                    if (value != null) {
                        headers.put(parameter.name(), value);
                    }
                }
                default -> {
                }
            }
        }
        ApiOperations.Body body = operation.bodies().stream().filter(b -> b.mediaType().contains("json")).findFirst()
                .orElse(operation.bodies().isEmpty() ? null : operation.bodies().get(0));
        String mediaType = body == null ? null : body.mediaType();
        byte[] baseBody = body == null ? null : baseBody(body, api);

        check(operation, "base request", path, query, headers, mediaType, baseBody);
        for (ApiOperations.Parameter parameter : operation.parameters()) {
            for (var variant : Variants.parameterValues().entrySet()) {
                Map<String, String> p = new LinkedHashMap<>(path);
                Map<String, String> q = new LinkedHashMap<>(query);
                Map<String, String> h = new LinkedHashMap<>(headers);
                Map<String, String> target = switch (parameter.in()) {
                    case "path" -> p;
                    case "query" -> q;
                    default -> h;
                };
                if (variant.getValue() == null) {
                    if (parameter.in().equals("path")) {
                        p.put(parameter.name(), "");
                    } else {
                        target.remove(parameter.name());
                    }
                } else {
                    target.put(parameter.name(), variant.getValue());
                }
                check(operation, parameter.in() + " " + parameter.name() + ": " + variant.getKey(), p, q, h, mediaType, baseBody);
            }
        }
        for (ApiOperations.Body each : operation.bodies()) {
            byte[] text = each == body ? baseBody : baseBody(each, api);
            if (each.mediaType().contains("json")) {
                JsonNode tree = JSON.readTree(text);
                for (Variants.BodyVariant variant : Variants.ofBody(tree, each.schema(), api::resolve)) {
                    check(operation, "body " + variant.field() + ": " + variant.variant(), path, query, headers,
                            each.mediaType(), utf8(variant.text()));
                }
                for (var malformed : Variants.malformedJson().entrySet()) {
                    check(operation, "body: " + malformed.getKey(), path, query, headers, each.mediaType(),
                            utf8(malformed.getValue()));
                }
            } else if (each.mediaType().equals(XLSX)) {
                for (var variant : Map.of("empty", new byte[0], "CSV, not a workbook", utf8(baseCsv),
                        "truncated", Arrays.copyOf(baseWorkbook, baseWorkbook.length / 2), "zip bomb", zipBomb()).entrySet()) {
                    check(operation, "body (" + each.mediaType() + "): " + variant.getKey(), path, query, headers,
                            each.mediaType(), variant.getValue());
                }
            } else {
                for (var variant : Map.of("empty", "", "header only", "zone,period,indicator,value,note\n",
                        "NUL", baseCsv.replace(",2015,", ",20\u000015,"), "wrong header", "a,b\n1,2\n",
                        "unterminated quote", baseCsv + "\"x,2015,GDP,1,\n", "10000 characters", "x".repeat(10_000)).entrySet()) {
                    check(operation, "body (" + each.mediaType() + "): " + variant.getKey(), path, query, headers,
                            each.mediaType(), utf8(variant.getValue()));
                }
            }
            check(operation, "body as text/plain", path, query, headers, "text/plain", text);
            check(operation, "body as application/xml", path, query, headers, "application/xml", utf8("<zone/>"));
        }
    }

    private String baseValue(ApiOperations.Operation operation, ApiOperations.Parameter parameter) {
        String[] segments = operation.path().split("/");
        String before = "";
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter.name() + "}")) {
                before = segments[i - 1];
            }
        }
        if (parameter.in().equals("path")) {
            return switch (parameter.name()) {
                // a period closed by the battery is one it submits nothing for, so every other operation stays open
                case "period" -> before.equals("periods") ? "2005" : "2015";
                default -> switch (before) {
                    case "zones" -> operation.mutating() ? OWN_ZONE : SEED_ZONES.get(0);
                    case "scores", "inputs" -> SEED_ZONES.get(0);
                    case "indicators" -> "GDP";
                    case "methodologies" -> "plan-2012-ETDZ@1";
                    case "submissions" -> seedSubmissionId;
                    default -> parameter.example() == null ? "x" : parameter.example().asText();
                };
            };
        }
        if (parameter.name().equals("dryRun")) {
            return "true";
        }
        if (!parameter.required()) {
            return null;
        }
        return parameter.example() != null ? parameter.example().asText() : switch (parameter.name()) {
            case "period" -> "2015";
            case "zoneType" -> "ETDZ";
            default -> "x";
        };
    }

    private byte[] baseBody(ApiOperations.Body body, ApiOperations api) {
        if (body.mediaType().equals(XLSX)) {
            return baseWorkbook;
        }
        if (!body.mediaType().contains("json")) {
            return utf8(baseCsv);
        }
        JsonNode known = body.schemaName() == null ? null : bases.get(body.schemaName());
        return utf8(Variants.text(known != null ? known : body.example() != null ? body.example() : api.sample(body.schema(), 0)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void fail(String failure) {
        failures.add(failure);
        System.out.println("[battery] FAIL " + failure);
    }

    /** Sends one request and records what is wrong with its answer and with the data after it. */
    private void check(ApiOperations.Operation operation, String variant, Map<String, String> path,
                       Map<String, String> query, Map<String, String> headers, String mediaType, byte[] body) {
        String target = operation.path();
        for (var parameter : path.entrySet()) {
            target = target.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()));
        }
        StringBuilder uri = new StringBuilder(target);
        String separator = "?";
        for (var parameter : query.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = "&";
        }
        // ISO-8859-1 maps each byte to one character and back, so a workbook's bytes pass unchanged
        byte[] text = body == null ? null : new String(body, StandardCharsets.ISO_8859_1)
                .replace(FRESH_CODE, "BATTERY-" + freshCodes.incrementAndGet()).getBytes(StandardCharsets.ISO_8859_1);
        String what = operation + " [" + variant + "]";
        HttpResponse<String> response;
        try {
            response = sendBytes(operation.method(), uri.toString(), headers, mediaType, text);
        } catch (IllegalArgumentException unsendable) {
            return; // a header value the HTTP client refuses to send (a control character): no server could receive it
        } catch (HttpTimeoutException e) {
            requests++;
            fail(what + " -> no answer within " + TIMEOUT.toSeconds() + " s");
            return;
        } catch (IOException | InterruptedException e) {
            requests++;
            fail(what + " -> " + e);
            return;
        }
        requests++;
        int status = response.statusCode();
        String shown = response.body().substring(0, Math.min(200, response.body().length())).replace("\n", " ");
        String problem = problemDefect(response);
        if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
            fail(what + " -> " + status + " " + shown);
        } else if (status >= 400 && problem != null) {
            fail(what + " -> " + status + " but " + problem + ": " + shown);
        }
        if (!operation.mutating()) {
            return;
        }
        if (status >= 200 && status < 300) {
            accepted++;
            // nothing written now means nothing to wait for: events and rescoring follow only from a stored change
            if (!fingerprint.all().equals(reference)) {
                awaitQuiet();
            }
        } else {
            Map<String, String> after = fingerprint.all();
            String change = DataFingerprint.difference(reference, after);
            if (!change.isEmpty()) {
                fail(what + " -> " + status + " but the data changed: " + change);
                awaitQuiet();
            }
        }
    }

    /** Why a 4xx answer is not a problem document, or {@code null} when it is one. */
    private static String problemDefect(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith(PROBLEM)) {
            return "its Content-Type is '" + type + "'";
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (!problem.path("type").isTextual() || !problem.path("title").isTextual()
                    || problem.path("status").asInt() != response.statusCode()) {
                return "its body lacks type, title or the status";
            }
            return null;
        } catch (IOException e) {
            return "its body is not JSON";
        }
    }

    /**
     * Waits until both outboxes are empty (every event acknowledged by Kafka), the evaluation service has applied every
     * event and scored every peer group they marked, and neither database has changed for a second since; that state
     * is the new reference. The backlog is asked, not guessed from a quiet second: a rescoring round waits at least as
     * long as the round before it took, which on a loaded machine is longer than a second.
     */
    private void awaitQuiet() {
        List<Map<String, String>> readings = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (fingerprint.unpublishedEvents() > 0 || backlog.pending() > 0) {
                    readings.clear();
                    return false;
                }
                readings.add(fingerprint.all());
                int n = readings.size();
                return n >= 5 && readings.subList(n - 5, n).stream().distinct().count() == 1;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("The pipeline did not finish within a minute: " + backlog, e);
        }
        reference = readings.get(readings.size() - 1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers,
                                             String mediaType, String body) throws IOException, InterruptedException {
        return sendBytes(method, pathAndQuery, headers, mediaType, body == null ? null : utf8(body));
    }

    private static HttpResponse<String> sendBytes(String method, String pathAndQuery, Map<String, String> headers,
                                                  String mediaType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + pathAndQuery))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + stack.tokens().admin())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (mediaType != null) {
            request.header("Content-Type", mediaType);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
