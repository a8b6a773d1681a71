package cn.etdz.gateway.request;

import cn.etdz.common.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** The problems the gateway answers itself: {@code application/problem+json} with the request's path and id. */
public final class Problems {

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public static Problem problem(int status, String slug, String title, String detail) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, null, null, List.of());
    }

    /** Answers the request with the problem; a 401 also names the scheme the caller should use. */
    public void answer(RoutingContext ctx, Problem problem) {
        var response = ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.request().resume();
        response.end(body(problem.at(ctx.request().path(), Exchange.requestId(ctx))));
    }

    /** The problem as the body of an answer. */
    public Buffer body(Problem problem) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
