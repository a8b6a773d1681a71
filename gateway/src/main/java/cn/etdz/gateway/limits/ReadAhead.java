package cn.etdz.gateway.limits;

import cn.etdz.gateway.request.Exchange;
import cn.etdz.gateway.request.Problems;
import cn.etdz.gateway.routing.ResolveRoute;
import cn.etdz.gateway.routing.RouteTable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 9: a body without a declared length (chunked) is read here up to the route's limit before it is forwarded, so
 * a runaway upload is cut off at the gateway (413 problem) and never reaches the service. The bytes read ahead are
 * taken from one budget shared by all requests and given back when the exchange ends; an upload arriving while the
 * budget is spent is read to its end and dropped (it is within the limit, so the caller reads the answer instead of a
 * reset connection), then answered 503 problem with {@code Retry-After: 1}. A body with a {@code Content-Length} is
 * left to the proxy, which streams it.
 */
public final class ReadAhead implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(ReadAhead.class);
    private static final String BODY = "gateway.read-ahead-body";

    private final ByteBudget budget;
    private final Problems problems;

    public ReadAhead(ByteBudget budget, Problems problems) {
        this.budget = budget;
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        boolean mayHaveBody = request.method() == HttpMethod.POST
                || request.method() == HttpMethod.PUT
                || request.method() == HttpMethod.PATCH;
        if (request.getHeader("Content-Length") != null || !mayHaveBody) {
            ctx.next();
            return;
        }
        Upload upload = new Upload(ctx, ResolveRoute.limits(ctx));
        ctx.addEndHandler(done -> upload.release());
        request.handler(upload::add);
        request.endHandler(end -> upload.end());
        request.resume();
    }

    /** The body read ahead for the request, or null when the proxy streams it. */
    public static Buffer body(RoutingContext ctx) {
        return ctx.get(BODY);
    }

    /** One chunked body as it arrives. */
    private final class Upload {
        private final RoutingContext ctx;
        private final RouteTable.Limits limits;
        /** The chunks as received: joined without a copy at the end, so the heap holds each byte once; null once dropped. */
        private List<ByteBuf> chunks = new ArrayList<>();
        private long received;
        private long taken;
        private boolean tooLarge;

        Upload(RoutingContext ctx, RouteTable.Limits limits) {
            this.ctx = ctx;
            this.limits = limits;
        }

        void add(Buffer chunk) {
            if (tooLarge) {
                return;
            }
            received += chunk.length();
            if (received > limits.maxBodyBytes()) {
                tooLarge = true;
                release();
                DeclaredBodySize.tooLarge(ctx, limits, problems);
            } else if (chunks != null && budget.tryTake(chunk.length())) {
                taken += chunk.length();
                chunks.add(chunk.getByteBuf());
            } else {
                release();
            }
        }

        void end() {
            if (tooLarge) {
                return;
            }
            Exchange.restoreMdc(ctx);
            if (chunks == null) {
                busy();
            } else {
                ctx.put(BODY, Buffer.buffer(Unpooled.wrappedBuffer(chunks.toArray(ByteBuf[]::new))));
                ctx.next();
            }
        }

        /** Drops the bytes read so far and gives them back to the budget (when the exchange ends, or on refusal). */
        void release() {
            chunks = null;
            budget.giveBack(taken);
            taken = 0;
        }

        /** The gateway held as many upload bytes as it may while this one arrived: it was read, dropped, and is refused. */
        private void busy() {
            LOG.warnf("%s %s → 503: the read-ahead buffer for uploads without a declared length is full (%d bytes)",
                    ctx.request().method(), ctx.request().path(), budget.capacity());
            ctx.response().putHeader("Retry-After", "1");
            problems.answer(ctx, Problems.problem(503, "gateway-busy", "gateway.busy.title", "gateway.busy.detail"));
        }
    }
}
