package cn.etdz.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OpenTelemetry collector for the local run and the tests: it takes OTLP/HTTP protobuf trace exports on
 * {@code /v1/traces}, keeps the latest spans in memory for tests to query and, when given a file, appends each span
 * as one JSON line there ({@code .local/traces.jsonl} in the local run); {@code GET /v1/traces/{traceId}} answers the
 * spans of a trace, and those linking to it, in the same form. Production sends OTLP to a real collector.
 */
public final class TraceCollector implements AutoCloseable {

    /** One received span; ids in lower-case hex, {@code parentSpanId} empty for a root span. */
    public record CollectedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                                String kind, List<String> linkedTraceIds) {
    }

    private static final int KEPT = 20_000;
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Path file;
    private final Deque<CollectedSpan> spans = new ArrayDeque<>();

    private TraceCollector(Path file) {
        this.file = file;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the trace collector's port", e);
        }
        server.createContext("/v1/traces", this::receive);
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "trace-collector");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** @param file where to append spans as JSON lines; null keeps them in memory only */
    public static TraceCollector start(Path file) {
        return new TraceCollector(file);
    }

    /** The base URL to configure as the services' {@code quarkus.otel.exporter.otlp.endpoint}. */
    public String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The services' settings that send their traces here, without waiting the usual 5 s between exports. */
    public Map<String, String> exporterConfig() {
        return Map.of(
                "quarkus.otel.exporter.otlp.endpoint", endpoint(),
                "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "200ms");
    }

    /**
     * The spans a collector has received (of its latest {@value #KEPT}) that belong or link to a trace, read over HTTP: a
     * {@code @QuarkusTest} loads its test resources in another class loader than the test, so tests ask the collector
     * at the endpoint the application was configured with.
     */
    public static List<CollectedSpan> trace(String endpoint, String traceId) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(endpoint + "/v1/traces/" + traceId)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("trace collector answered " + response.statusCode());
            }
            List<CollectedSpan> trace = new ArrayList<>();
            for (String line : response.body().split("\n")) {
                if (!line.isBlank()) {
                    trace.add(JSON.readValue(line, CollectedSpan.class));
                }
            }
            return trace;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void query(HttpExchange exchange) throws IOException {
        String traceId = exchange.getRequestURI().getPath().substring("/v1/traces/".length());
        StringBuilder lines = new StringBuilder();
        synchronized (this) {
            spans.stream().filter(span -> span.traceId().equals(traceId) || span.linkedTraceIds().contains(traceId))
                    .forEach(span -> lines.append(toJson(span)).append('\n'));
        }
        byte[] body = lines.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                query(exchange);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request;
            try {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            store(request);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void store(ExportTraceServiceRequest request) throws IOException {
        StringBuilder lines = new StringBuilder();
        synchronized (this) {
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                String service = serviceName(resourceSpans.getResource());
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    for (io.opentelemetry.proto.trace.v1.Span span : scopeSpans.getSpansList()) {
                        CollectedSpan collected = new CollectedSpan(service,
                                HEX.formatHex(span.getTraceId().toByteArray()),
                                HEX.formatHex(span.getSpanId().toByteArray()),
                                HEX.formatHex(span.getParentSpanId().toByteArray()),
                                span.getName(), span.getKind().name().replace("SPAN_KIND_", ""),
                                span.getLinksList().stream()
                                        .map(link -> HEX.formatHex(link.getTraceId().toByteArray())).toList());
                        spans.addLast(collected);
                        if (spans.size() > KEPT) {
                            spans.removeFirst();
                        }
                        lines.append(toJson(collected)).append('\n');
                    }
                }
            }
        }
        if (file != null && !lines.isEmpty()) {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                out.write(lines.toString());
            }
        }
    }

    private static String toJson(CollectedSpan span) {
        try {
            return JSON.writeValueAsString(span);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String serviceName(Resource resource) {
        return resource.getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals("service.name"))
                .map(KeyValue::getValue).map(AnyValue::getStringValue)
                .findFirst().orElse("unknown");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
