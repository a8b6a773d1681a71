package cn.etdz.gateway.limits;

import cn.etdz.gateway.request.Exchange;
import cn.etdz.gateway.request.Problems;
import cn.etdz.gateway.routing.ResolveRoute;
import cn.etdz.gateway.routing.RouteTable;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Step 6: a token bucket per route and per token subject, or per source address for a request without a valid token
 * (so guessing tokens is limited too). An empty bucket: 429 problem with {@code Retry-After}, the whole seconds until
 * the next token.
 */
public final class RateLimit implements Handler<RoutingContext> {

    private final RateLimiter limiter;
    private final Problems problems;

    public RateLimit(RateLimiter limiter, Problems problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        RouteTable.Limits limits = ResolveRoute.limits(ctx);
        String route = Exchange.route(ctx);
        String subject = Exchange.subject(ctx);
        long retryAfter;
        if (subject == null) {
            var remote = ctx.request().remoteAddress();
            retryAfter = limiter.tryTake(route + "|address:" + (remote == null ? "unknown" : remote.hostAddress()),
                    limits.anonymousCapacity(), limits.anonymousRefillPerSecond());
        } else {
            retryAfter = limiter.tryTake(route + "|subject:" + subject, limits.capacity(), limits.refillPerSecond());
        }
        if (retryAfter > 0) {
            ctx.response().putHeader("Retry-After", String.valueOf(retryAfter));
            problems.answer(ctx, Problems.problem(429, "rate-limited", "gateway.rate-limited.title",
                    "gateway.rate-limited.detail", retryAfter));
            return;
        }
        ctx.next();
    }
}
