package cn.etdz.gateway.request;

import cn.etdz.common.i18n.Languages;
import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.Problem;
import cn.etdz.common.problem.ProblemMessage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/**
 * The problems the gateway answers itself: {@code application/problem+json} with the request's path and id, in the
 * request's language ({@code Accept-Language}) like the services' problems.
 */
public final class Problems {

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    /** A problem whose title and detail are message keys (of the gateway's or the common bundle). */
    public static ProblemMessage problem(int status, String slug, String titleKey, String detailKey, Object... detailArgs) {
        return new ProblemMessage(status, slug, Message.of(titleKey), Message.of(detailKey, detailArgs));
    }

    /** The language to answer this request in. */
    public static Locale language(HttpServerRequest request) {
        return Languages.of(request.getHeader(Languages.ACCEPT_LANGUAGE));
    }

    /** Answers the request with the problem; a 401 also names the scheme the caller should use. */
    public void answer(RoutingContext ctx, ProblemMessage message) {
        Locale language = language(ctx.request());
        Problem problem = message.in(language);
        var response = ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(Languages.CONTENT_LANGUAGE, Languages.tag(language));
        response.headers().add("Vary", Languages.ACCEPT_LANGUAGE);
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
