package cn.etdz.gateway.proxy;

import cn.etdz.common.i18n.Languages;
import cn.etdz.common.problem.Problem;
import cn.etdz.common.problem.ProblemMappers;
import cn.etdz.gateway.limits.DeclaredBodySize;
import cn.etdz.gateway.request.Problems;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.function.Function;

/**
 * What the gateway changes on the way through: the {@code X-Forwarded-*} headers, a body read ahead in place of the
 * request's, the request id on the answer; a bodiless idempotent request whose connection the service closed before
 * answering is sent once more; an upstream failure becomes a 502 or 504 problem ({@link UpstreamFailure}).
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    private final Problems problems;
    /** Takes the body read ahead for a request, if there is one. */
    private final Function<HttpServerRequest, Buffer> readAheadBody;

    ForwardingInterceptor(Problems problems, Function<HttpServerRequest, Buffer> readAheadBody) {
        this.problems = problems;
        this.readAheadBody = readAheadBody;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        var request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        var headers = request.headers();
        String remote = incoming.remoteAddress() == null ? null : incoming.remoteAddress().hostAddress();
        if (remote != null) {
            String prior = headers.get("X-Forwarded-For");
            headers.set("X-Forwarded-For", prior == null ? remote : prior + ", " + remote);
        }
        headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
        if (incoming.authority() != null) {
            headers.set("X-Forwarded-Host", incoming.authority().host());
            headers.set("X-Forwarded-Port", String.valueOf(incoming.authority().port()));
        }
        // The caller's trace context is the parent of the gateway's server span; the service must see the gateway's
        // own client span instead, which the HTTP client's tracing injects when the request is sent.
        headers.remove("traceparent");
        headers.remove("tracestate");
        Buffer readAhead = readAheadBody.apply(incoming);
        if (readAhead != null) {
            request.setBody(Body.body(readAhead));
        }
        Future<ProxyResponse> sent = context.sendRequest();
        if (resendable(incoming)) {
            sent = sent.recover(failure -> {
                if (!UpstreamFailure.closedBeforeAnswer(failure) || incoming.response().closed()) {
                    return Future.failedFuture(failure);
                }
                LOG.debugf("%s %s: the connection to the service ended before an answer (%s); sent again",
                        incoming.method(), incoming.path(), failure.getMessage());
                request.setBody(null);
                return context.sendRequest();
            });
        }
        return sent.recover(failure -> {
            if (incoming.response().closed()) {
                // the caller went away (closed its connection) before the answer: nobody to answer, no upstream fault
                LOG.debugf("%s %s: the caller closed the connection before the answer", incoming.method(), incoming.path());
                return Future.failedFuture(failure);
            }
            Locale language = Problems.language(incoming);
            Problem problem = UpstreamFailure.problem(failure).in(language);
            LOG.warnf("%s %s → %s (%s: %s)", incoming.method(), incoming.path(), problem.status(),
                    failure.getClass().getName(), failure.getMessage());
            String requestId = incoming.getHeader(ProblemMappers.REQUEST_ID_HEADER);
            return Future.succeededFuture(request.release().response()
                    .setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader(Languages.CONTENT_LANGUAGE, Languages.tag(language))
                    .putHeader("Vary", Languages.ACCEPT_LANGUAGE)
                    .putHeader(ProblemMappers.REQUEST_ID_HEADER, requestId)
                    .setBody(Body.body(problems.body(problem.at(incoming.path(), requestId)))));
        });
    }

    /**
     * A request the gateway may send a second time when the service closed the connection without answering
     * (typically a kept-alive connection it closed just as the gateway reused it): an idempotent method without a
     * body, so nothing changes if the first one did reach the service (RFC 9110, 9.2.2). A POST is never resent.
     */
    private static boolean resendable(HttpServerRequest incoming) {
        HttpMethod method = incoming.method();
        boolean idempotent = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.DELETE;
        return idempotent && DeclaredBodySize.declaredLength(incoming) == 0
                && incoming.getHeader("Transfer-Encoding") == null;
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        context.response().putHeader(ProblemMappers.REQUEST_ID_HEADER,
                incoming.getHeader(ProblemMappers.REQUEST_ID_HEADER));
        return context.sendResponse();
    }
}
