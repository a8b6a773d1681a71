package cn.etdz.gateway.proxy;

import cn.etdz.common.problem.ProblemMessage;
import cn.etdz.gateway.request.Problems;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * What the gateway answers when the service did not, by the type of failure the Vert.x HTTP client reports (Vert.x
 * 4.5, as in Quarkus 3.33):
 * <ul>
 * <li>{@link ConnectException}: no connection to the service: refused (Netty's {@code AnnotatedConnectException}), or
 * the TCP connect took longer than the route's {@code connect-timeout} (Netty's {@code ConnectTimeoutException},
 * a subclass). The service cannot be reached: 502.</li>
 * <li>{@link TimeoutException}: Vert.x's {@code NoStackTraceTimeoutException}, raised when the service sent nothing
 * for the route's {@code timeout} (the request's idle timeout), or when no pooled connection to the service became
 * free within that time (the service is busy, not unreachable). The service did not answer in time: 504.</li>
 * <li>anything else (the connection closed or reset before an answer, a broken answer): 502.</li>
 * </ul>
 */
final class UpstreamFailure {

    private UpstreamFailure() {
    }

    static ProblemMessage problem(Throwable failure) {
        if (failure instanceof ConnectException) {
            return Problems.problem(502, "upstream-unavailable", "gateway.bad-gateway.title", "gateway.upstream.unreachable");
        }
        if (failure instanceof TimeoutException) {
            return Problems.problem(504, "upstream-timeout", "gateway.timeout.title", "gateway.upstream.timeout");
        }
        return Problems.problem(502, "upstream-unavailable", "gateway.bad-gateway.title", "gateway.upstream.failed");
    }

    /**
     * The upstream connection ended before an answer: closed by the service ({@link HttpClosedException}); reset,
     * which is what a request meets when it lands on a kept-alive connection the service closed a moment before (its
     * kernel answers with a TCP reset: "connection reset by peer", an {@link IOException}); or broken while the
     * request was being written, which Vert.x reports as a reset of the request ({@code Stream reset: 0}) instead of
     * the close. In each case the service has not answered. A refused connection is not one of them: the service is
     * down, and a second attempt would only delay the 502.
     */
    static boolean closedBeforeAnswer(Throwable failure) {
        return failure instanceof HttpClosedException || failure instanceof StreamResetException
                || (failure instanceof IOException && !(failure instanceof ConnectException));
    }
}
