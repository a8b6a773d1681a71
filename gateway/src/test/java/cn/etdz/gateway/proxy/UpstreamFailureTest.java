package cn.etdz.gateway.proxy;

import cn.etdz.common.i18n.Languages;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exception types the Vert.x HTTP client raises, and the answer each becomes. The real failures are provoked in
 * {@code GatewayPipelineTest} (a refused connection, an upstream that never answers, one that closes or resets).
 */
class UpstreamFailureTest {

    @Test
    void aRefusedConnectionOrATcpConnectTimeoutIsA502ServiceCannotBeReached() {
        for (Throwable failure : new Throwable[] {new ConnectException("Connection refused"),
                new ConnectTimeoutException("connection timed out: localhost/127.0.0.1:1")}) {
            var problem = UpstreamFailure.problem(failure).in(Languages.ENGLISH);
            assertThat(problem.status()).isEqualTo(502);
            assertThat(problem.detail()).isEqualTo("The service cannot be reached.");
            assertThat(UpstreamFailure.closedBeforeAnswer(failure)).isFalse();
        }
    }

    @Test
    void silenceBeyondTheRoutesTimeoutOrNoFreeConnectionInItIsA504() {
        for (String message : new String[] {
                "The timeout period of 1000ms has been exceeded while executing GET /api/v1/scores for server localhost:1",
                "The timeout of 1000 ms has been exceeded when getting a connection to localhost:1"}) {
            var problem = UpstreamFailure.problem(new NoStackTraceTimeoutException(message)).in(Languages.ENGLISH);
            assertThat(problem.status()).isEqualTo(504);
            assertThat(problem.title()).isEqualTo("Gateway timeout");
            assertThat(UpstreamFailure.problem(new NoStackTraceTimeoutException(message)).in(Languages.CHINESE).title())
                    .isEqualTo("网关超时");
        }
    }

    @Test
    void aConnectionThatEndedBeforeAnAnswerIsA502AndMayBeResent() {
        for (Throwable failure : new Throwable[] {new HttpClosedException("closed"),
                new StreamResetException(0), new IOException("Connection reset by peer")}) {
            var problem = UpstreamFailure.problem(failure).in(Languages.ENGLISH);
            assertThat(problem.status()).isEqualTo(502);
            assertThat(problem.detail()).isEqualTo("The service failed to answer.");
            assertThat(UpstreamFailure.closedBeforeAnswer(failure)).isTrue();
        }
    }

    @Test
    void aTimeoutIsNotTakenForAClose() {
        assertThat(UpstreamFailure.closedBeforeAnswer(new NoStackTraceTimeoutException("timeout"))).isFalse();
        assertThat(UpstreamFailure.problem(new IllegalStateException("Timeout in the name only")).status()).isEqualTo(502);
    }
}
