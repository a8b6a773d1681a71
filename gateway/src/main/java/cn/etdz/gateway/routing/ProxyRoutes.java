package cn.etdz.gateway.routing;

import cn.etdz.common.problem.Problem;
import cn.etdz.common.problem.ProblemMappers;
import cn.etdz.gateway.config.GatewayConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
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
import cn.etdz.gateway.auth.VerifiedTokens;
import cn.etdz.gateway.limits.ByteBudget;
import cn.etdz.gateway.limits.RateLimiter;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Forwards {@code /api/v1/**} to the owning service by the route table: method, path, query, headers, body and
 * status pass through unchanged; the gateway adds {@code X-Request-Id} (when absent) and {@code X-Forwarded-*}. A
 * request without a valid token is answered 401 here; the service verifies the token again and applies its own
 * rules. Per route, a body above the limit is a 413 problem and a caller above its rate a 429 problem with {@code
 * Retry-After}; uploads without a declared length share a bounded read-ahead buffer (503 problem past it). Each
 * route has its own connection pool. An unreachable upstream is a 502 problem, a silent one a 504 problem; a bodiless
 * idempotent request whose connection the service closed or reset before answering is sent once more first. The request id is in every
 * problem body and in the MDC of every log line; one access line is written per request. {@code GET /api/v1/me} is
 * answered here from the token. See {@code docs/gateway.md}.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final String ROUTE_KEY = "gateway.route";
    private static final String REQUEST_ID_KEY = "gateway.request-id";
    private static final String ME_PATH = "/api/v1/me";
    private static final String SUBJECT_KEY = "gateway.subject";
    /** MDC key of the request id; the log format prints it on every line logged while handling the request. */
    public static final String MDC_REQUEST_ID = "requestId";
    private static final Logger ACCESS = Logger.getLogger("cn.etdz.gateway.access");

    private final RateLimiter limiter = new RateLimiter(System::nanoTime);
    private VerifiedTokens verified;
    private ByteBudget bodyBudget;
    /** Bodies read ahead by {@link #forward} for requests without a declared length, taken by the interceptor. */
    private final Map<HttpServerRequest, Buffer> bufferedBodies = new ConcurrentHashMap<>();

    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper json;

    private RouteTable table;
    /** One proxy per route name. */
    private final Map<String, HttpProxy> proxies = new ConcurrentHashMap<>();

    void register(@Observes Router router, Vertx vertx) {
        table = RouteTable.of(config);
        bodyBudget = new ByteBudget(config.bodyBufferBudget().asLongValue());
        verified = new VerifiedTokens(config.tokenCache().maxAge().toMillis(), config.tokenCache().size(),
                System::currentTimeMillis);
        for (RouteTable.Route route : table.routes()) {
            proxies.computeIfAbsent(route.name(), name -> proxy(vertx, route));
        }
        router.route("/api/v1/*").order(-100).handler(this::handle);
    }

    /**
     * The route's own proxy and connection pool, so a service that is slow to answer or flooded with uploads holds
     * only its own connections. The connect timeout bounds the TCP connect; waiting for a free pooled connection is
     * bounded by the route's timeout (it is the service being busy, not unreachable), and counts towards the 504.
     */
    private HttpProxy proxy(Vertx vertx, RouteTable.Route route) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(100)
                .setKeepAlive(true)
                .setConnectTimeout((int) route.connectTimeout().toMillis()));
        SocketAddress upstream = SocketAddress.inetSocketAddress(port(route.upstream()), route.upstream().getHost());
        return HttpProxy.reverseProxy(client)
                .originRequestProvider((request, http) -> http.request(new RequestOptions()
                        .setServer(upstream)
                        .setConnectTimeout(route.timeout().toMillis())
                        .setIdleTimeout(route.timeout().toMillis())))
                .addInterceptor(new ForwardingInterceptor());
    }

    private void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        HttpServerRequest request = ctx.request();
        request.pause();
        String requestId = requestId(request);
        ctx.put(REQUEST_ID_KEY, requestId);
        MDC.put(MDC_REQUEST_ID, requestId);
        request.headers().set(ProblemMappers.REQUEST_ID_HEADER, requestId);
        ctx.response().putHeader(ProblemMappers.REQUEST_ID_HEADER, requestId);
        var route = table.resolve(request.path());
        boolean me = ME_PATH.equals(request.path());
        ctx.put(ROUTE_KEY, me ? "gateway" : route.map(RouteTable.Route::name).orElse("-"));
        ctx.addEndHandler(done -> accessLog(ctx, started));
        if (route.isEmpty() && !me) {
            respond(ctx, problem(404, "not-found", "Not found", "There is no API resource at this path."));
            return;
        }
        RouteTable.Limits limits = route.map(RouteTable.Route::limits).orElse(RouteTable.Limits.DEFAULT);
        if (declaredLength(request) > limits.maxBodyBytes()) {
            tooLarge(ctx, limits);
            return;
        }
        // A bad token is answered below (after its address's rate limit), not by Quarkus's default failure handler.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (java.util.function.BiConsumer<RoutingContext, Throwable>) (c, t) -> {
        });
        String token = bearerToken(request);
        var known = verified.get(token);
        if (known.isPresent()) {
            authenticated(ctx, known.get(), limits, me);
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> authenticated(ctx, remember(token, identity), limits, me),
                failure -> authenticated(ctx, null, limits, me));
    }

    /** Rate limit first (per subject, or per source address without a valid token), then 401, /me or forwarding. */
    private void authenticated(RoutingContext ctx, VerifiedTokens.Caller caller, RouteTable.Limits limits, boolean me) {
        MDC.put(MDC_REQUEST_ID, ctx.get(REQUEST_ID_KEY));
        boolean anonymous = caller == null;
        String route = ctx.get(ROUTE_KEY);
        long retryAfter;
        if (anonymous) {
            String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
            retryAfter = limiter.tryTake(route + "|address:" + address, limits.anonymousCapacity(),
                    limits.anonymousRefillPerSecond());
        } else {
            ctx.put(SUBJECT_KEY, caller.subject());
            retryAfter = limiter.tryTake(route + "|subject:" + caller.subject(), limits.capacity(),
                    limits.refillPerSecond());
        }
        if (retryAfter > 0) {
            ctx.response().putHeader("Retry-After", String.valueOf(retryAfter));
            respond(ctx, problem(429, "rate-limited", "Too many requests",
                    "This caller's request rate on this route is above its limit; retry after " + retryAfter + " s."));
        } else if (anonymous) {
            respond(ctx, problem(401, "unauthorized", "Unauthorized", "A valid bearer token is required."));
        } else if (me) {
            respondCaller(ctx, caller);
        } else {
            forward(ctx, limits);
        }
    }

    /**
     * Forwards a request whose declared length is within the limit; such a body is streamed to the service. A body
     * without a declared length (chunked) is read here up to the limit first, so a runaway upload is cut off at the
     * gateway and never reaches the service; the bytes read ahead are taken from one budget shared by all requests
     * and given back when the exchange ends, and an upload that would exceed the budget is answered 503.
     */
    private void forward(RoutingContext ctx, RouteTable.Limits limits) {
        HttpServerRequest request = ctx.request();
        boolean mayHaveBody = request.method() == HttpMethod.POST
                || request.method() == HttpMethod.PUT
                || request.method() == HttpMethod.PATCH;
        if (request.getHeader("Content-Length") != null || !mayHaveBody) {
            proxies.get((String) ctx.get(ROUTE_KEY)).handle(request);
            return;
        }
        ReadAhead body = new ReadAhead(ctx, limits);
        ctx.addEndHandler(done -> {
            body.release();
            bufferedBodies.remove(request); // when the proxy refused the request before its interceptor took the body
        });
        request.handler(body::add);
        request.endHandler(end -> body.end());
        request.resume();
    }

    /**
     * A body without a declared length, read ahead up to the route's limit. Its bytes are taken from the budget
     * shared by all requests; once the budget is spent the rest is read and dropped (it is within the limit, so the
     * caller reads the answer instead of a reset connection) and the request is answered 503 at its end.
     */
    private final class ReadAhead {
        private final RoutingContext ctx;
        private final RouteTable.Limits limits;
        /** The chunks as received: joined without a copy at the end, so the heap holds each byte once. */
        private List<ByteBuf> chunks = new ArrayList<>();
        private long received;
        private long taken;
        private boolean tooLarge;

        ReadAhead(RoutingContext ctx, RouteTable.Limits limits) {
            this.ctx = ctx;
            this.limits = limits;
        }

        void add(Buffer chunk) {
            if (tooLarge) {
                return;
            }
            received += chunk.length();
            if (received > limits.maxBodyBytes()) {
                tooLarge = true;
                release();
                tooLarge(ctx, limits);
            } else if (chunks != null && bodyBudget.tryTake(chunk.length())) {
                taken += chunk.length();
                chunks.add(chunk.getByteBuf());
            } else {
                release();
            }
        }

        void end() {
            if (tooLarge) {
                return;
            }
            if (chunks == null) {
                busy(ctx);
            } else {
                bufferedBodies.put(ctx.request(), Buffer.buffer(Unpooled.wrappedBuffer(chunks.toArray(ByteBuf[]::new))));
                proxies.get((String) ctx.get(ROUTE_KEY)).handle(ctx.request());
            }
        }

        /** Drops the bytes read so far and gives them back to the budget (when the exchange ends, or on refusal). */
        void release() {
            chunks = null;
            bodyBudget.giveBack(taken);
            taken = 0;
        }
    }

    /** The gateway held as many upload bytes as it may while this one arrived: it was read, dropped, and is refused. */
    private void busy(RoutingContext ctx) {
        LOG.warnf("%s %s → 503: the read-ahead buffer for uploads without a declared length is full (%d bytes)",
                ctx.request().method(), ctx.request().path(), config.bodyBufferBudget().asLongValue());
        ctx.response().putHeader("Retry-After", "1");
        respond(ctx, problem(503, "gateway-busy", "Service unavailable",
                "The gateway is receiving too many uploads without a declared length at once; retry shortly, or send "
                        + "the body with a Content-Length, which is streamed to the service."));
    }

    private void tooLarge(RoutingContext ctx, RouteTable.Limits limits) {
        closeAfterAnswer(ctx);
        respond(ctx, problem(413, "payload-too-large", "Payload too large",
                "The request body is larger than the " + limits.maxBodyBytes() + " bytes this route accepts."));
    }

    /** The rest of the upload is not read: the connection closes after the answer. */
    private static void closeAfterAnswer(RoutingContext ctx) {
        ctx.response().putHeader("Connection", "close");
        ctx.response().endHandler(v -> ctx.request().connection().close());
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** One line per request, with the fields an operator searches by. */
    private static void accessLog(RoutingContext ctx, long started) {
        String requestId = ctx.get(REQUEST_ID_KEY);
        MDC.put(MDC_REQUEST_ID, requestId);
        String subject = ctx.get(SUBJECT_KEY);
        ACCESS.infof("%s %s route=%s status=%d latency=%dms subject=%s requestId=%s", ctx.request().method(),
                ctx.request().path(), ctx.get(ROUTE_KEY), ctx.response().getStatusCode(),
                (System.nanoTime() - started) / 1_000_000, subject == null ? "-" : subject, requestId);
    }

    /** {@code GET /api/v1/me}: the caller as the token describes it, so integrators can check a token. */
    private void respondCaller(RoutingContext ctx, VerifiedTokens.Caller caller) {
        ctx.request().resume();
        if (ctx.request().method() != HttpMethod.GET) {
            respond(ctx, problem(405, "method-not-allowed", "Method not allowed", "Only GET is allowed here."));
            return;
        }
        try {
            ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(json.writeValueAsBytes(caller)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a verified identity says, remembered for its token; null for an anonymous identity. */
    private VerifiedTokens.Caller remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        String province = null;
        long expiresAt = 0;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim("province");
            province = claim == null ? null : String.valueOf(claim).replace("\"", "");
            expiresAt = jwt.getExpirationTime() * 1000;
        }
        var caller = new VerifiedTokens.Caller(identity.getPrincipal().getName(), new java.util.TreeSet<>(identity.getRoles()),
                province);
        verified.put(token, caller, expiresAt);
        return caller;
    }

    private static String bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
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
            // The caller's trace context is the parent of the gateway's server span; the service must see the gateway's
            // own client span instead, which the HTTP client's tracing injects when the request is sent.
            headers.remove("traceparent");
            headers.remove("tracestate");
            Buffer buffered = bufferedBodies.remove(incoming);
            if (buffered != null) {
                request.setBody(Body.body(buffered));
            }
            if (incoming.authority() != null) {
                headers.set("X-Forwarded-Host", incoming.authority().host());
                headers.set("X-Forwarded-Port", String.valueOf(incoming.authority().port()));
            }
            Future<ProxyResponse> sent = context.sendRequest();
            if (resendable(incoming)) {
                sent = sent.recover(failure -> {
                    if (!closedBeforeAnswer(failure) || incoming.response().closed()) {
                        return Future.failedFuture(failure);
                    }
                    LOG.debugf("%s %s: the connection to the service ended before an answer (%s); sent again",
                            incoming.method(), incoming.path(), failure.getMessage());
                    request.setBody(null);
                    return context.sendRequest();
                });
            }
            return sent.recover(failure -> {
                if (incoming.response().closed()) {
                    // the caller went away (closed its connection) before the answer: nobody to answer, no upstream fault
                    LOG.debugf("%s %s: the caller closed the connection before the answer", incoming.method(), incoming.path());
                    return Future.failedFuture(failure);
                }
                // a connect that timed out is a service that cannot be reached (502), not a slow answer (504)
                boolean timedOut = !(failure instanceof ConnectException) && (failure instanceof TimeoutException
                        || failure.getClass().getSimpleName().contains("Timeout"));
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

        /**
         * The upstream connection ended before an answer: closed by the service ({@link HttpClosedException}); reset,
         * which is what a request meets when it lands on a kept-alive connection the service closed a moment before
         * (its kernel answers with a TCP reset: "connection reset by peer", an {@link IOException}); or broken while the
         * request was being written, which Vert.x reports as a reset of the request ({@code Stream reset: 0}) instead
         * of the close. In each case the service has not answered. A refused connection is not one of them: the
         * service is down, and a second attempt would only delay the 502.
         */
        private static boolean closedBeforeAnswer(Throwable failure) {
            return failure instanceof HttpClosedException || failure instanceof StreamResetException
                    || (failure instanceof IOException && !(failure instanceof ConnectException));
        }

        /**
         * A request the gateway may send a second time when the service closed the connection without answering
         * (typically a kept-alive connection it closed just as the gateway reused it): an idempotent method without a
         * body, so nothing changes if the first one did reach the service (RFC 9110, 9.2.2). A POST is never resent.
         */
        private static boolean resendable(HttpServerRequest incoming) {
            HttpMethod method = incoming.method();
            boolean idempotent = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                    || method == HttpMethod.DELETE;
            return idempotent && declaredLength(incoming) == 0 && incoming.getHeader("Transfer-Encoding") == null;
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
