package cn.etdz.gateway.auth;

import cn.etdz.gateway.request.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Step 8: {@code GET /api/v1/me} is answered here with the caller as the token describes it, so integrators can check
 * a token; any other method there is a 405 problem. Every other request goes on.
 */
public final class MeEndpoint implements Handler<RoutingContext> {

    public static final String PATH = "/api/v1/me";

    private final ObjectMapper json;
    private final Problems problems;

    public MeEndpoint(ObjectMapper json, Problems problems) {
        this.json = json;
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!PATH.equals(ctx.request().path())) {
            ctx.next();
            return;
        }
        if (ctx.request().method() != HttpMethod.GET) {
            problems.answer(ctx, Problems.problem(405, "method-not-allowed", "gateway.method-not-allowed.title",
                    "gateway.method-not-allowed.detail"));
            return;
        }
        ctx.request().resume();
        try {
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(json.writeValueAsBytes(Authentication.caller(ctx).orElseThrow())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
