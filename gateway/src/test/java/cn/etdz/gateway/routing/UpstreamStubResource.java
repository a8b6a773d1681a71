package cn.etdz.gateway.routing;

import cn.etdz.localstack.PlatformTestResource;
import cn.etdz.localstack.TokenIssuer;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Upstreams for the gateway's routing tests: a real HTTP server that echoes what it received (so pass-through can be
 * asserted), drains uploads of any size on {@code /api/v1/uploads} (route {@code uploads}), stalls on
 * {@code /api/v1/scores/slow}, answers a service's 403 problem on {@code .../forbidden} and serves an OpenAPI document
 * at {@code /q/openapi}; a port where nothing listens (route {@code down}); one that accepts connections and never
 * answers (route {@code silent}); and two {@link ClosingUpstream}s, which close every connection on its second
 * request: with an orderly close (route {@code reused}) and with a TCP reset (route {@code resetting}).
 */
public class UpstreamStubResource implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private ClosingUpstream closing;
    private ClosingUpstream resetting;
    private SilentUpstream silent;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/q/openapi", exchange -> {
            byte[] document;
            try (var in = UpstreamStubResource.class.getResourceAsStream("/stub/upstream-openapi.json")) {
                document = in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
        });
        server.createContext("/api/v1/uploads", exchange -> { // reads a body of any size and answers its length
            long bytes;
            try (var in = exchange.getRequestBody()) {
                bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            byte[] answer = ("{\"bytes\": " + bytes + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String headers = exchange.getRequestHeaders().entrySet().stream()
                    .map(h -> "\"" + h.getKey().toLowerCase() + "\": \"" + String.join(",", h.getValue()).replace("\"", "'") + "\"")
                    .collect(Collectors.joining(", "));
            String echo = "{\"method\": \"" + exchange.getRequestMethod() + "\", \"uri\": \"" + exchange.getRequestURI()
                    + "\", \"body\": \"" + body.replace("\"", "'") + "\", \"headers\": {" + headers + "}}";
            byte[] bytes = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Upstream", "stub");
            if (exchange.getRequestURI().getPath().endsWith("/forbidden")) {
                bytes = ("{\"type\": \"urn:etdz:problem:forbidden\", \"title\": \"Forbidden\", \"status\": 403, "
                        + "\"requestId\": \"" + exchange.getRequestHeaders().getFirst("X-Request-Id") + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(403, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/teapot") ? 418 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        closing = new ClosingUpstream(false);
        resetting = new ClosingUpstream(true);
        silent = new SilentUpstream();
        TokenIssuer tokens = PlatformTestResource.tokens();
        Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("gateway.routes.indicator.url", "http://localhost:" + server.getAddress().getPort());
        config.put("gateway.routes.evaluation.url", "http://localhost:" + server.getAddress().getPort());
        config.put("gateway.routes.evaluation.timeout", "1s");
        config.put("gateway.routes.evaluation.paths", "/api/v1/scores");
        config.put("gateway.routes.indicator.paths", "/api/v1/zones,/api/v1/submissions");
        config.put("gateway.routes.down.url", "http://localhost:" + closedPort());
        config.put("gateway.routes.down.paths", "/api/v1/flags");
        config.put("gateway.routes.reused.url", "http://localhost:" + closing.port());
        config.put("gateway.routes.reused.paths", "/api/v1/reused");
        config.put("gateway.routes.resetting.url", "http://localhost:" + resetting.port());
        config.put("gateway.routes.resetting.paths", "/api/v1/resetting");
        config.put("gateway.routes.silent.url", "http://localhost:" + silent.port());
        config.put("gateway.routes.silent.paths", "/api/v1/silent");
        config.put("gateway.routes.silent.timeout", "1s");
        config.put("gateway.openapi.retry-interval", "200ms");
        config.put("gateway.routes.limited.url", "http://localhost:" + server.getAddress().getPort());
        config.put("gateway.routes.limited.paths", "/api/v1/limited");
        config.put("gateway.routes.limited.max-body-size", "1K");
        config.put("gateway.routes.limited.rate-limit.capacity", "2");
        config.put("gateway.routes.limited.rate-limit.refill-per-second", "0.01");
        config.put("gateway.routes.limited.rate-limit.anonymous-capacity", "1");
        config.put("gateway.routes.limited.rate-limit.anonymous-refill-per-second", "0.01");
        config.put("gateway.routes.uploads.url", "http://localhost:" + server.getAddress().getPort());
        config.put("gateway.routes.uploads.paths", "/api/v1/uploads");
        config.put("gateway.routes.uploads.timeout", "120s");
        config.put("gateway.routes.uploads.rate-limit.capacity", "100000");
        config.put("gateway.openapi.server-url", "https://api.etdz.example");
        config.put("mp.jwt.verify.publickey.location", tokens.publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", TokenIssuer.ISSUER);
        // a token is refused a second after it expires, not a minute (the default; 0 means the default), so a test
        // can see a remembered one expire
        config.put("mp.jwt.verify.clock.skew", "1");
        config.putAll(PlatformTestResource.traces().exporterConfig());
        return config;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        for (AutoCloseable upstream : new AutoCloseable[] {closing, resetting, silent}) {
            if (upstream != null) {
                try {
                    upstream.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
