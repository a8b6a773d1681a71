package cn.etdz.evaluation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Typed configuration of the evaluation service ({@code evaluation.*}). */
@ConfigMapping(prefix = "evaluation")
public interface EvaluationConfig {

    /** How the service consumes events. */
    Consumer consumer();

    interface Consumer {
        /** Topic of accepted submissions. */
        @WithDefault("submissions.v1")
        String submissionsTopic();

        /** Where events that cannot be processed go, with the reason in header {@code dlq_reason}. */
        @WithDefault("submissions.v1.dlq")
        String deadLetterTopic();

        /** Consumer group shared by every replica, so partitions are split between them. */
        @WithDefault("evaluation-service")
        String groupId();

        /** Longest wait of one poll. */
        @WithDefault("500ms")
        Duration pollTimeout();

        /** Pause before retrying a record after a transient failure (e.g. the database is unreachable). */
        @WithDefault("2s")
        Duration retryBackoff();

        /** Start the consumer with the application (off for tests that drive the read model directly). */
        @WithDefault("true")
        boolean enabled();
    }
}
