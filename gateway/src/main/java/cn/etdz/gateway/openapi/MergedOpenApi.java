package cn.etdz.gateway.openapi;

import cn.etdz.gateway.config.GatewayConfig;
import cn.etdz.gateway.routing.RouteTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serves the merged public OpenAPI document at {@code /openapi} (JSON; YAML with {@code ?format=yaml} or at {@code
 * /openapi.yaml}); Swagger UI reads the same path. Each service's own document is fetched from its route URL at
 * start-up, retried until it answers (services may start after the gateway) and refreshed periodically, so a
 * service's spec change reaches clients without touching the gateway. A service not fetched yet is simply absent
 * from the document; its last fetched document is kept while it is down.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);

    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper json;

    private final Map<String, JsonNode> fetched = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    // set at start-up, read on the fetch thread
    private volatile HttpClient http;
    private volatile OpenApiMerger merger;
    private volatile RouteTable routes;
    private volatile byte[] jsonDocument;
    private volatile byte[] yamlDocument;
    private volatile ObjectNode document;

    void start(@Observes StartupEvent event) {
        merger = new OpenApiMerger(json);
        routes = RouteTable.of(config);
        http = HttpClient.newBuilder().connectTimeout(config.openapi().fetchTimeout()).build();
        rebuild();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "openapi-fetch");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(this::fetchAll);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    void register(@Observes Router router) {
        router.get("/openapi").order(-100).handler(this::serve);
        router.get("/openapi.json").order(-100).handler(ctx -> send(ctx, false));
        router.get("/openapi.yaml").order(-100).handler(ctx -> send(ctx, true));
    }

    /** The current merged document (a copy). */
    public ObjectNode document() {
        return document.deepCopy();
    }

    private void serve(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        String accept = ctx.request().getHeader("Accept");
        boolean yaml = "yaml".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains("yaml") && !accept.contains("json"));
        send(ctx, yaml);
    }

    private void send(RoutingContext ctx, boolean yaml) {
        ctx.response()
                .putHeader("Content-Type", yaml ? "application/yaml; charset=UTF-8" : "application/json; charset=UTF-8")
                .putHeader("Cache-Control", "no-cache")
                .end(io.vertx.core.buffer.Buffer.buffer(yaml ? yamlDocument : jsonDocument));
    }

    private void fetchAll() {
        boolean changed = false;
        for (String route : config.routes().keySet()) {
            JsonNode document = fetch(route);
            if (document != null && !document.equals(fetched.get(route))) {
                fetched.put(route, document);
                changed = true;
                LOG.infof("OpenAPI document of route %s fetched (%d paths)", route, document.path("paths").size());
            }
        }
        if (changed) {
            rebuild();
        }
        boolean complete = fetched.keySet().containsAll(config.routes().keySet());
        var next = complete ? config.openapi().refreshInterval() : config.openapi().retryInterval();
        if (!scheduler.isShutdown()) {
            scheduler.schedule(this::fetchAll, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private JsonNode fetch(String route) {
        String url = config.routes().get(route).url().replaceFirst("/$", "") + config.openapi().sourcePath();
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.openapi().fetchTimeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.debugf("OpenAPI document of route %s: %s answered %d", route, url, response.statusCode());
                return null;
            }
            JsonNode document = json.readTree(response.body());
            return document.has("paths") ? document : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.debugf("OpenAPI document of route %s not available yet: %s", route, e.toString());
            return null;
        }
    }

    private synchronized void rebuild() {
        var openapi = config.openapi();
        List<OpenApiMerger.Source> sources = new ArrayList<>();
        sources.add(new OpenApiMerger.Source(OpenApiMerger.GATEWAY_SOURCE, merger.gatewayDocument()));
        config.routes().keySet().stream().sorted()
                .filter(fetched::containsKey)
                .forEach(route -> sources.add(new OpenApiMerger.Source(route, fetched.get(route))));
        ObjectNode merged = merger.merge(new OpenApiMerger.Info(openapi.title(), openapi.version(),
                openapi.description(), openapi.serverUrl(), openapi.contactName(), openapi.contactUrl()), routes, sources);
        try {
            jsonDocument = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(merged);
            yamlDocument = new ObjectMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build()).writeValueAsBytes(merged);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot serialise the merged OpenAPI document", e);
        }
        document = merged;
    }
}
