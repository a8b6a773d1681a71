package cn.etdz.gateway.routing;

import cn.etdz.gateway.auth.MeEndpoint;
import cn.etdz.gateway.request.Exchange;
import cn.etdz.gateway.request.Problems;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Step 3: the route that serves the request, by the longest path prefix of the route table, and with it the limits
 * that apply; {@code GET /api/v1/me} is served by the gateway itself under the default limits. No route: 404 problem.
 */
public final class ResolveRoute implements Handler<RoutingContext> {

    /** Name of the route of what the gateway answers itself, in the access log and in rate-limit buckets. */
    static final String GATEWAY = "gateway";
    private static final String LIMITS = "gateway.limits";

    private final RouteTable table;
    private final Problems problems;

    public ResolveRoute(RouteTable table, Problems problems) {
        this.table = table;
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        if (MeEndpoint.PATH.equals(path)) {
            Exchange.route(ctx, GATEWAY);
            ctx.put(LIMITS, RouteTable.Limits.DEFAULT);
            ctx.next();
            return;
        }
        var route = table.resolve(path);
        if (route.isEmpty()) {
            Exchange.route(ctx, "-");
            problems.answer(ctx, Problems.problem(404, "not-found", "common.not-found.title", "gateway.not-found.detail"));
            return;
        }
        Exchange.route(ctx, route.get().name());
        ctx.put(LIMITS, route.get().limits());
        ctx.next();
    }

    /** The body size and rate limits of the request's route. */
    public static RouteTable.Limits limits(RoutingContext ctx) {
        return ctx.get(LIMITS);
    }
}
