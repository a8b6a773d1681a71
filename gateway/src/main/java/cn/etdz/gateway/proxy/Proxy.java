package cn.etdz.gateway.proxy;

import cn.etdz.gateway.limits.ReadAhead;
import cn.etdz.gateway.request.Exchange;
import cn.etdz.gateway.request.Problems;
import cn.etdz.gateway.routing.RouteTable;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step 10: forwards the request to its route's service (vertx-http-proxy): method, path, query, headers, body and
 * status pass through unchanged, with what {@link ForwardingInterceptor} adds. Each route has its own proxy and
 * connection pool, so a service that is slow to answer or flooded with uploads holds only its own connections.
 */
public final class Proxy implements Handler<RoutingContext> {

    /** One proxy per route name. */
    private final Map<String, HttpProxy> proxies = new HashMap<>();
    /** Bodies read ahead by {@link ReadAhead}, until the interceptor puts them in place of the request's. */
    private final Map<HttpServerRequest, Buffer> readAheadBodies = new ConcurrentHashMap<>();

    public Proxy(Vertx vertx, RouteTable table, Problems problems) {
        ForwardingInterceptor interceptor = new ForwardingInterceptor(problems, readAheadBodies::remove);
        for (RouteTable.Route route : table.routes()) {
            proxies.computeIfAbsent(route.name(), name -> proxy(vertx, route, interceptor));
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Buffer body = ReadAhead.body(ctx);
        if (body != null) {
            readAheadBodies.put(request, body);
            ctx.addEndHandler(done -> readAheadBodies.remove(request)); // when the proxy refused it before the interceptor took it
        }
        proxies.get(Exchange.route(ctx)).handle(request);
    }

    /**
     * The connect timeout bounds the TCP connect (a failure is a 502); the route's timeout bounds both the wait for a
     * free pooled connection (the service being busy, not unreachable) and the silence of the service once the request
     * is sent (each a 504).
     */
    private static HttpProxy proxy(Vertx vertx, RouteTable.Route route, ForwardingInterceptor interceptor) {
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
                .addInterceptor(interceptor);
    }

    private static int port(URI upstream) {
        return upstream.getPort() > 0 ? upstream.getPort() : ("https".equals(upstream.getScheme()) ? 443 : 80);
    }
}
