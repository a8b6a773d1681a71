package cn.etdz.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads {@link DemoDataSet} through the gateway: an administrator registers the zones, then the historical
 * submissions go in one batch per year, as a national import of the old system's records would, each approved by the
 * administrator as it is stored (the corrections that come last wait for review), each with the time
 * it was originally received (which decides whether it was late). Zone names and provinces are real; every value is
 * synthetic.
 */
final class DemoData {

    private static final int MAX_RATE_LIMITED_RETRIES = 30;

    private final String gatewayUrl;
    private final TokenIssuer tokens;
    private final DemoDataSet data = DemoDataSet.generate(DemoDataSet.DEMO_SEED);
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    DemoData(String gatewayUrl, TokenIssuer tokens) {
        this.gatewayUrl = gatewayUrl;
        this.tokens = tokens;
    }

    List<String> provinces() {
        return data.provinces();
    }

    /** Registers every zone and loads every year; returns a one-line summary. */
    String load() {
        String admin = tokens.admin();
        for (DemoDataSet.Zone zone : data.zones()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", zone.code());
            body.put("name", zone.name());
            body.put("nameEn", zone.nameEn());
            body.put("type", zone.type());
            body.put("province", zone.province());
            body.put("approvedOn", zone.approvedOn().toString());
            post("/api/v1/zones", admin, body, 201);
        }
        int accepted = 0;
        int warned = 0;
        Map<String, List<DemoDataSet.Submission>> byYear = data.submissions().stream()
                .collect(Collectors.groupingBy(DemoDataSet.Submission::period, java.util.TreeMap::new, Collectors.toList()));
        List<List<DemoDataSet.Submission>> batches = new ArrayList<>(byYear.values());
        batches.add(data.corrections());
        int approved = 0;
        for (int b = 0; b < batches.size(); b++) {
            JsonNode result = post("/api/v1/submissions/batch", admin,
                    Map.of("submissions", batches.get(b).stream().map(this::body).toList()), 200);
            if (result.path("rejected").asInt() != 0) {
                throw new IllegalStateException("demo batch rejected submissions: " + result);
            }
            accepted += result.path("accepted").asInt();
            boolean corrections = b == batches.size() - 1;
            for (JsonNode item : result.path("results")) {
                warned += item.path("warnings").isEmpty() ? 0 : 1;
                // the old system's records were signed off: official rankings have data, and the corrections that
                // follow wait in the reviewers' queue
                if (!corrections) {
                    post("/api/v1/reviews/returns/" + item.path("zone").asText() + "/" + item.path("period").asText()
                            + "/decisions", admin, Map.of("revision", item.path("revision").asInt(),
                            "decision", "APPROVED"), 200);
                    approved++;
                }
            }
        }
        return "demo data loaded: " + data.zones().size() + " zones, " + accepted + " submissions for "
                + DemoDataSet.FIRST_YEAR + "–" + DemoDataSet.LAST_YEAR + " (" + warned + " with warnings, " + approved
                + " approved; synthetic values)";
    }

    private Map<String, Object> body(DemoDataSet.Submission submission) {
        List<Map<String, Object>> values = new ArrayList<>();
        submission.values().forEach((indicator, value) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("indicator", indicator);
            entry.put("value", value);
            if (submission.note() != null && submission.note().contains(indicator)) {
                entry.put("note", submission.note());
            }
            values.add(entry);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("zone", submission.zone());
        body.put("period", submission.period());
        body.put("receivedAt", submission.receivedAt().toString());
        body.put("values", values);
        return body;
    }

    private JsonNode post(String path, String token, Object body, int expected) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            // the demo approves every return one by one, faster than the gateway's per-caller limit on a quick
            // machine: wait as the gateway asks, like any well-behaved client
            for (int retry = 0; response.statusCode() == 429 && retry < MAX_RATE_LIMITED_RETRIES; retry++) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.max(1, seconds) * 1000);
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
