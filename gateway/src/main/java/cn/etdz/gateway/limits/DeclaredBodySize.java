package cn.etdz.gateway.limits;

import cn.etdz.gateway.request.Problems;
import cn.etdz.gateway.routing.ResolveRoute;
import cn.etdz.gateway.routing.RouteTable;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Step 4: a {@code Content-Length} above the route's limit is a 413 problem before anything else is done, and the
 * connection is closed after the answer so the rest of the upload is not forwarded or kept. (A body without a declared
 * length is held to the same limit while {@link ReadAhead} reads it.)
 */
public final class DeclaredBodySize implements Handler<RoutingContext> {

    /** How long the rest of a refused upload is read before the connection closes anyway. */
    static final long LINGER_MILLIS = 2_000;

    private final Problems problems;

    public DeclaredBodySize(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        RouteTable.Limits limits = ResolveRoute.limits(ctx);
        if (declaredLength(ctx.request()) > limits.maxBodyBytes()) {
            tooLarge(ctx, limits, problems);
            return;
        }
        ctx.next();
    }

    /** The request's {@code Content-Length}: 0 without one, and past any limit when it is not a number. */
    public static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** 413 problem; the connection closes after the answer (see {@link #closeAfterUpload}). */
    static void tooLarge(RoutingContext ctx, RouteTable.Limits limits, Problems problems) {
        ctx.response().putHeader("Connection", "close");
        ctx.response().endHandler(v -> closeAfterUpload(ctx));
        problems.answer(ctx, Problems.problem(413, "payload-too-large", "gateway.payload-too-large.title",
                "gateway.payload-too-large.detail", limits.maxBodyBytes()));
    }

    /**
     * Closing a socket that still has unread upload bytes makes the kernel reset the connection, and the reset can
     * destroy the 413 before the caller has read it. So, as web servers do ("lingering close"), the rest of the upload
     * is read and dropped until it ends or for at most {@link #LINGER_MILLIS}, then the connection closes.
     */
    private static void closeAfterUpload(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long deadline = ctx.vertx().setTimer(LINGER_MILLIS, timer -> connection.close());
        request.handler(dropped -> { });
        request.endHandler(end -> {
            ctx.vertx().cancelTimer(deadline);
            connection.close();
        });
        request.resume();
    }
}
