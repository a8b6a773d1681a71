package cn.etdz.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo loader against a gateway that limits the caller's rate: it waits as the gateway asks and approves every
 * yearly return once, leaving the corrections for review.
 */
class DemoDataTest {

    @TempDir
    Path keys;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void approvesEveryYearlyReturnOnceEvenWhenTheGatewayAsksItToWait() throws Exception {
        Set<String> approved = ConcurrentHashMap.newKeySet();
        AtomicInteger decisions = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger approvedTwice = new AtomicInteger();
        // without it, the JDK server answers each keep-alive request after a delayed ACK (about 40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/v1/zones", exchange -> answer(exchange, 201, "{}"));
        gateway.createContext("/api/v1/submissions/batch", exchange -> answer(exchange, 200, batchResult(exchange)));
        gateway.createContext("/api/v1/reviews/returns/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            // every 300th decision finds the caller's bucket empty
            if (decisions.incrementAndGet() % 300 == 0) {
                refused.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", "1");
                answer(exchange, 429, "{\"status\":429}");
                return;
            }
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (!approved.add(path[5] + "/" + path[6])) {
                approvedTwice.incrementAndGet();
            }
            answer(exchange, 200, "{}");
        });
        gateway.start();
        try {
            TokenIssuer tokens = TokenIssuer.loadOrCreate(keys, TokenIssuer.DEMO_LIFETIME);
            String summary = new DemoData("http://127.0.0.1:" + gateway.getAddress().getPort(), tokens).load();

            DemoDataSet data = DemoDataSet.generate(DemoDataSet.DEMO_SEED);
            Set<String> yearly = data.submissions().stream().map(s -> s.zone() + "/" + s.period())
                    .collect(Collectors.toSet());
            assertThat(refused.get()).isPositive();
            assertThat(approved).isEqualTo(yearly);
            assertThat(approvedTwice.get()).isZero();
            assertThat(summary).contains(yearly.size() + " approved");
        } finally {
            gateway.stop(0);
        }
    }

    private String batchResult(HttpExchange exchange) throws IOException {
        JsonNode request = json.readTree(exchange.getRequestBody());
        ObjectNode result = json.createObjectNode();
        ArrayNode results = result.putArray("results");
        for (JsonNode submission : request.path("submissions")) {
            results.addObject().put("zone", submission.path("zone").asText())
                    .put("period", submission.path("period").asText()).put("revision", 1).putArray("warnings");
        }
        result.put("accepted", results.size()).put("rejected", 0);
        return result.toString();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
