package cn.etdz.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves the local run's demo identities — the ministry administrator, the analyst and the submitter and reviewer of
 * each demo province, each with a freshly signed token — as {@code GET /demo-identities.json} on the loopback interface, so the
 * web console's sign-in screen can offer them. Only the console served by the local gateway may read it (CORS); the
 * gateway learns the address from {@code gateway.console.demo-identities-url}, which only the local stack sets.
 */
public final class DemoIdentities implements AutoCloseable {

    static final String PATH = "/demo-identities.json";

    private final HttpServer server;

    private DemoIdentities(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts serving on a free loopback port.
     *
     * @param tokens      signs the tokens, one set per request, so they are always fresh
     * @param provinces   the demo data's provinces, one submitter and one reviewer each
     * @param gatewayPort the port of the gateway whose console may read the identities
     */
    public static DemoIdentities start(TokenIssuer tokens, List<String> provinces, int gatewayPort) {
        Set<String> origins = Set.of("http://localhost:" + gatewayPort, "http://127.0.0.1:" + gatewayPort);
        ObjectMapper json = new ObjectMapper();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(PATH, exchange -> answer(exchange, origins, json, identities(tokens, provinces)));
            server.start();
            return new DemoIdentities(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serve the demo identities", e);
        }
    }

    /** The identities in the order the sign-in screen lists them: ministry roles first, then provinces by code. */
    static List<Map<String, String>> identities(TokenIssuer tokens, List<String> provinces) {
        List<Map<String, String>> identities = new ArrayList<>();
        identities.add(identity("admin", "demo-admin", null, tokens.admin()));
        identities.add(identity("analyst", "demo-analyst", null, tokens.analyst()));
        for (String province : provinces) {
            identities.add(identity("submitter", "demo-submitter-" + province, province, tokens.submitter(province)));
            identities.add(identity("reviewer", "demo-reviewer-" + province, province, tokens.reviewer(province)));
        }
        return identities;
    }

    private static Map<String, String> identity(String role, String subject, String province, String token) {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("role", role);
        identity.put("subject", subject);
        if (province != null) {
            identity.put("province", province);
        }
        identity.put("token", token);
        return identity;
    }

    private static void answer(HttpExchange exchange, Set<String> origins, ObjectMapper json,
                               List<Map<String, String>> identities) throws IOException {
        try (exchange) {
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (origin != null && origins.contains(origin)) {
                exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
                exchange.getResponseHeaders().add("Vary", "Origin");
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = json.writeValueAsBytes(identities);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** The address the gateway hands to the console. */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + PATH;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
