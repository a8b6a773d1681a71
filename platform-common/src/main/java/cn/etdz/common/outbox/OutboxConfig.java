package cn.etdz.common.outbox;

import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How a service's outbox relay runs: the group each service's {@code @ConfigMapping} nests as {@code outbox}
 * ({@code indicator.outbox.*}, {@code evaluation.outbox.*}).
 */
public interface OutboxConfig {

    /** Rows published per relay round. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay sleeps when nothing is waiting and nobody wakes it. */
    @WithDefault("1s")
    Duration idleWait();

    /** Pause before retrying after Kafka could not be reached. */
    @WithDefault("2s")
    Duration retryBackoff();

    /** Longest wait for Kafka to acknowledge a round before it is retried. */
    @WithDefault("20s")
    Duration sendTimeout();
}
