package cn.etdz.gateway.routing;

import cn.etdz.common.problem.Problem;
import cn.etdz.common.problem.ProblemMappers;
import cn.etdz.gateway.config.GatewayConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Forwards {@code /api/v1/**} to the owning service by the route table: method, path, query, headers, body and
 * status pass through unchanged; the gateway adds {@code X-Request-Id} (when absent) and {@code X-Forwarded-*}. A
 * request without a valid token is answered 401 here; the service verifies the token again and applies its own
 * rules. An unreachable upstream is a 502 problem, a silent one a 504 problem.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final String ROUTE_KEY = "gateway.route";
    private static final String REQUEST_ID_KEY = "gateway.request-id";
    private static final String ME_PATH = "/api/v1/me";

    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper json;

    private RouteTable table;
    private HttpProxy proxy;

    void register(@Observes Router router, Vertx vertx) {
        table = RouteTable.of(config);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(100).setKeepAlive(true));
        proxy = HttpProxy.reverseProxy(client)
                .originRequestProvider((request, http) -> {
                    RouteTable.Route route = table.resolve(request.path()).orElseThrow();
                    return http.request(new RequestOptions()
                            .setServer(SocketAddress.inetSocketAddress(port(route.upstream()), route.upstream().getHost()))
                            .setConnectTimeout(route.connectTimeout().toMillis())
                            .setIdleTimeout(route.timeout().toMillis()));
                })
                .addInterceptor(new ForwardingInterceptor());
        router.route("/api/v1/*").order(-100).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        String requestId = requestId(request);
        ctx.put(REQUEST_ID_KEY, requestId);
        request.headers().set(ProblemMappers.REQUEST_ID_HEADER, requestId);
        ctx.response().putHeader(ProblemMappers.REQUEST_ID_HEADER, requestId);
        var route = table.resolve(request.path());
        boolean me = ME_PATH.equals(request.path());
        if (route.isEmpty() && !me) {
            respond(ctx, problem(404, "not-found", "Not found", "There is no API resource at this path."));
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(identity -> {
            if (identity == null || identity.isAnonymous()) {
                respond(ctx, problem(401, "unauthorized", "Unauthorized", "A valid bearer token is required."));
            } else if (me) {
                respondCaller(ctx, identity);
            } else {
                forward(ctx, identity);
            }
        }, failure -> respond(ctx, problem(401, "unauthorized", "Unauthorized", "A valid bearer token is required.")));
    }

    private void forward(RoutingContext ctx, SecurityIdentity identity) {
        LOG.debugf("%s %s by %s", ctx.request().method(), ctx.request().path(), identity.getPrincipal().getName());
        proxy.handle(ctx.request());
    }

    /** {@code GET /api/v1/me}: the caller as the token describes it, so integrators can check a token. */
    private void respondCaller(RoutingContext ctx, SecurityIdentity identity) {
        ctx.request().resume();
        if (ctx.request().method() != io.vertx.core.http.HttpMethod.GET) {
            respond(ctx, problem(405, "method-not-allowed", "Method not allowed", "Only GET is allowed here."));
            return;
        }
        var caller = new java.util.LinkedHashMap<String, Object>();
        caller.put("subject", identity.getPrincipal().getName());
        caller.put("roles", new java.util.TreeSet<>(identity.getRoles()));
        if (identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken token
                && token.getClaim("province") != null) {
            caller.put("province", String.valueOf((Object) token.getClaim("province")).replace("\"", ""));
        }
        try {
            ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(json.writeValueAsBytes(caller)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requestId(HttpServerRequest request) {
        String given = request.getHeader(ProblemMappers.REQUEST_ID_HEADER);
        return given != null && given.matches("[A-Za-z0-9._:-]{1,128}") ? given : UUID.randomUUID().toString();
    }

    private void respond(RoutingContext ctx, Problem problem) {
        Problem bound = problem.at(ctx.request().path(), ctx.get(REQUEST_ID_KEY));
        var response = ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.request().resume();
        response.end(serialise(bound));
    }

    private Buffer serialise(Problem problem) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Problem problem(int status, String slug, String title, String detail) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, null, null, List.of());
    }

    private static int port(URI upstream) {
        return upstream.getPort() > 0 ? upstream.getPort() : ("https".equals(upstream.getScheme()) ? 443 : 80);
    }

    /** Adds the forwarding headers and turns upstream failures into problems. */
    private final class ForwardingInterceptor implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            var request = context.request();
            HttpServerRequest incoming = request.proxiedRequest();
            var headers = request.headers();
            String requestId = incoming.getHeader(ProblemMappers.REQUEST_ID_HEADER);
            String remote = incoming.remoteAddress() == null ? null : incoming.remoteAddress().hostAddress();
            if (remote != null) {
                String prior = headers.get("X-Forwarded-For");
                headers.set("X-Forwarded-For", prior == null ? remote : prior + ", " + remote);
            }
            headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
            if (incoming.authority() != null) {
                headers.set("X-Forwarded-Host", incoming.authority().host());
                headers.set("X-Forwarded-Port", String.valueOf(incoming.authority().port()));
            }
            return context.sendRequest().recover(failure -> {
                boolean timedOut = failure instanceof TimeoutException
                        || failure.getClass().getSimpleName().contains("Timeout");
                Problem problem = timedOut
                        ? problem(504, "upstream-timeout", "Gateway timeout", "The service did not answer in time.")
                        : problem(502, "upstream-unavailable", "Bad gateway",
                        failure instanceof ConnectException ? "The service cannot be reached." : "The service failed to answer.");
                LOG.warnf("%s %s → %s (%s)", incoming.method(), incoming.path(), problem.status(), failure.getMessage());
                ProxyResponse response = request.release().response()
                        .setStatusCode(problem.status())
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader(ProblemMappers.REQUEST_ID_HEADER, requestId)
                        .setBody(Body.body(serialise(problem.at(incoming.path(), requestId))));
                return Future.succeededFuture(response);
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            context.response().putHeader(ProblemMappers.REQUEST_ID_HEADER,
                    incoming.getHeader(ProblemMappers.REQUEST_ID_HEADER));
            return context.sendResponse();
        }
    }
}
