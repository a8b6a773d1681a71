package cn.etdz.gateway.request;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Step 2: one line per request on category {@code cn.etdz.gateway.access}, written when the answer has been sent,
 * with the fields an operator searches by.
 */
public final class AccessLog implements Handler<RoutingContext> {

    private static final Logger ACCESS = Logger.getLogger("cn.etdz.gateway.access");

    @Override
    public void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        ctx.addEndHandler(done -> {
            Exchange.restoreMdc(ctx);
            ACCESS.info(line(ctx.request().method().name(), ctx.request().path(), Exchange.route(ctx),
                    ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000, Exchange.subject(ctx),
                    Exchange.requestId(ctx)));
        });
        ctx.next();
    }

    /** {@code GET /api/v1/zones route=indicator status=200 latency=12ms subject=… requestId=…}; {@code -} for none. */
    static String line(String method, String path, String route, int status, long latencyMillis, String subject,
                       String requestId) {
        return method + " " + path + " route=" + orDash(route) + " status=" + status + " latency=" + latencyMillis
                + "ms subject=" + orDash(subject) + " requestId=" + orDash(requestId);
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
