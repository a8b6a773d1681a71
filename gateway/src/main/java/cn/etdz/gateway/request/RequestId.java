package cn.etdz.gateway.request;

import cn.etdz.common.problem.ProblemMappers;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Step 1: every request gets an id. The caller's {@code X-Request-Id} is kept when it is 1–128 characters of
 * {@code [A-Za-z0-9._:-]}, otherwise a UUID is made. The id is passed to the service, returned on the response, put
 * in every problem body and in the logging MDC.
 */
public final class RequestId implements Handler<RoutingContext> {

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public void handle(RoutingContext ctx) {
        String requestId = accept(ctx.request().getHeader(ProblemMappers.REQUEST_ID_HEADER));
        Exchange.requestId(ctx, requestId);
        ctx.request().headers().set(ProblemMappers.REQUEST_ID_HEADER, requestId);
        ctx.response().putHeader(ProblemMappers.REQUEST_ID_HEADER, requestId);
        ctx.next();
    }

    /** The caller's id when it is one the logs and problems can carry safely, otherwise a new one. */
    static String accept(String given) {
        return given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
