package cn.etdz.gateway.auth;

import cn.etdz.gateway.request.Problems;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Step 7: a request without a valid token goes no further: 401 problem with {@code WWW-Authenticate: Bearer}. */
public final class RequireCaller implements Handler<RoutingContext> {

    private final Problems problems;

    public RequireCaller(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (Authentication.caller(ctx).isEmpty()) {
            problems.answer(ctx, Problems.problem(401, "unauthorized", "common.unauthorized.title", "common.unauthorized.detail"));
            return;
        }
        ctx.next();
    }
}
