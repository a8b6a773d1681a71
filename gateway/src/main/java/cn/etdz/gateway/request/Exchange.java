package cn.etdz.gateway.request;

import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.MDC;

/**
 * What the gateway's steps have learnt about a request, kept on its routing context for the steps after them and for
 * the access line at its end: the request id, the route that serves it and the token's subject.
 */
public final class Exchange {

    /** MDC key of the request id; the log format prints it on every line logged while handling the request. */
    public static final String MDC_REQUEST_ID = "requestId";

    private static final String REQUEST_ID = "gateway.request-id";
    private static final String ROUTE = "gateway.route";
    private static final String SUBJECT = "gateway.subject";

    private Exchange() {
    }

    public static String requestId(RoutingContext ctx) {
        return ctx.get(REQUEST_ID);
    }

    static void requestId(RoutingContext ctx, String requestId) {
        ctx.put(REQUEST_ID, requestId);
        restoreMdc(ctx);
    }

    /** The name of the route serving the request ({@code gateway} for what the gateway answers itself). */
    public static String route(RoutingContext ctx) {
        return ctx.get(ROUTE);
    }

    public static void route(RoutingContext ctx, String route) {
        ctx.put(ROUTE, route);
    }

    /** The subject of the request's verified token; null for a request without one. */
    public static String subject(RoutingContext ctx) {
        return ctx.get(SUBJECT);
    }

    public static void subject(RoutingContext ctx, String subject) {
        ctx.put(SUBJECT, subject);
    }

    /**
     * Puts the request's id into the MDC of the current thread. An event loop interleaves many requests, so a step
     * that runs after a wait (a body read, an upstream answer) may find another request's id there.
     */
    public static void restoreMdc(RoutingContext ctx) {
        String requestId = requestId(ctx);
        if (requestId == null) {
            MDC.remove(MDC_REQUEST_ID);
        } else {
            MDC.put(MDC_REQUEST_ID, requestId);
        }
    }
}
