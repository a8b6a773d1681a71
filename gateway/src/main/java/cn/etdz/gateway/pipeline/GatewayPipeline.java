package cn.etdz.gateway.pipeline;

import cn.etdz.gateway.auth.Authentication;
import cn.etdz.gateway.auth.MeEndpoint;
import cn.etdz.gateway.auth.RequireCaller;
import cn.etdz.gateway.config.GatewayConfig;
import cn.etdz.gateway.limits.ByteBudget;
import cn.etdz.gateway.limits.DeclaredBodySize;
import cn.etdz.gateway.limits.RateLimit;
import cn.etdz.gateway.limits.RateLimiter;
import cn.etdz.gateway.limits.ReadAhead;
import cn.etdz.gateway.proxy.Proxy;
import cn.etdz.gateway.request.AccessLog;
import cn.etdz.gateway.request.Exchange;
import cn.etdz.gateway.request.Problems;
import cn.etdz.gateway.request.RequestId;
import cn.etdz.gateway.routing.ResolveRoute;
import cn.etdz.gateway.routing.RouteTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/**
 * How the gateway handles {@code /api/v1/**}: a chain of small steps, each its own class, in this order. A step
 * either answers the request (a problem, or {@code /me}) or passes it on. CORS (Quarkus's filter) runs before all of
 * them. See {@code docs/gateway.md}.
 */
@ApplicationScoped
public class GatewayPipeline {

    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    JWTParser tokens;

    void register(@Observes Router router, Vertx vertx) {
        RouteTable table = RouteTable.of(config);
        Problems problems = new Problems(json);
        List<Handler<RoutingContext>> steps = List.of(
                new RequestId(),
                new AccessLog(),
                new ResolveRoute(table, problems),
                new DeclaredBodySize(problems),
                new Authentication(tokens),
                new RateLimit(new RateLimiter(System::nanoTime), problems),
                new RequireCaller(problems),
                new MeEndpoint(json, problems),
                new ReadAhead(new ByteBudget(config.bodyBufferBudget().asLongValue()), problems),
                new Proxy(vertx, table, problems));
        Route api = router.route("/api/v1/*").order(-100);
        // the body waits until a step reads it (ReadAhead) or the proxy streams it to the service
        api.handler(ctx -> {
            ctx.request().pause();
            ctx.next();
        });
        for (Handler<RoutingContext> step : steps) {
            api.handler(ctx -> {
                Exchange.restoreMdc(ctx);
                step.handle(ctx);
            });
        }
    }
}
