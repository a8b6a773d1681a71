package cn.etdz.evaluation.config;

import cn.etdz.common.outbox.OutboxConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Typed configuration of the evaluation service ({@code evaluation.*}). */
@ConfigMapping(prefix = "evaluation")
public interface EvaluationConfig {

    /** How the service consumes events. */
    Consumer consumer();

    /** How peer groups are recomputed after their inputs change. */
    Recompute recompute();

    /** The outbox relay that publishes score snapshots. */
    Outbox outbox();

    /** Uncertainty and sensitivity analyses, run as jobs. */
    Analysis analysis();
    /** The report cards (PDF). */
    ReportCard reportCard();

    interface Consumer {
        /** Topic of accepted submissions. */
        @WithDefault("submissions.v1")
        String submissionsTopic();

        /** Where submission events that cannot be processed go, with the reason in header {@code dlq_reason}. */
        @WithDefault("submissions.v1.dlq")
        String deadLetterTopic();

        /** Compacted topic of the zone registry's full zone states. */
        @WithDefault("zones.v1")
        String zonesTopic();

        /** Compacted topic of the indicator catalogue. */
        @WithDefault("indicators.v1")
        String indicatorsTopic();

        /** Appended to a reference topic's name to name its dead-letter topic ({@code zones.v1.dlq}). */
        @WithDefault(".dlq")
        String deadLetterSuffix();

        /** Consumer group shared by every replica, so partitions are split between them. */
        @WithDefault("evaluation-service")
        String groupId();

        /**
         * {@code group.instance.id} of this replica (static membership): a replica restarted under the same id takes
         * its partitions back at once instead of waiting for its dead predecessor's session to expire. Unique per
         * replica; Kubernetes passes the pod name. Default: the host name and the HTTP port, so replicas on one host
         * differ.
         */
        Optional<String> instanceId();

        /**
         * How long the broker waits for a silent member before handing its partitions to the others: the longest
         * stall after a replica dies and does not come back under its own id (e.g. its node is lost).
         */
        @WithDefault("10s")
        Duration sessionTimeout();

        /** Longest wait of one poll. */
        @WithDefault("500ms")
        Duration pollTimeout();

        /** Pause before retrying a record after a transient failure (e.g. the database is unreachable). */
        @WithDefault("2s")
        Duration retryBackoff();

        /** Start the consumer with the application (off for tests that drive the read model directly). */
        @WithDefault("true")
        boolean enabled();

        /**
         * Create the consumed topics and {@code scores.v1} when missing, so the subscription sees them at once instead
         * of after the next metadata refresh (off where an operator manages topics).
         */
        @WithDefault("true")
        boolean createTopics();

        /** Partitions of {@code submissions.v1} when this service creates it (as the indicator service does). */
        @WithDefault("6")
        int submissionsPartitions();

        /** Topic of review decisions (approved, returned) on revisions, keyed by zone: the official basis. */
        @WithDefault("reviews.v1")
        String reviewsTopic();

        /** Compacted topic of each period's state (closed, reopened): publication of official rankings. */
        @WithDefault("periods.v1")
        String periodsTopic();
    }

    interface Recompute {
        /**
         * Quiet time the worker waits after the first change before it computes, so a batch of submissions arriving
         * together costs one computation per peer group rather than one per submission.
         */
        @WithDefault("150ms")
        Duration debounce();

        /** Start the recompute worker with the application. */
        @WithDefault("true")
        boolean enabled();
    }

    /** The shared relay settings, with this service's topic and a smaller round (score snapshots are large). */
    interface Outbox extends OutboxConfig {
        /** Topic of published score snapshots. */
        @WithDefault("scores.v1")
        String scoresTopic();

        @Override
        @WithDefault("100")
        int batchSize();
    }

    interface Analysis {
        /** Analyses queued or running at once, over all replicas; one more is refused with 429. */
        @WithDefault("2")
        int maxActiveJobs();

        /** Largest N (replications, or rows of the sensitivity design). */
        @WithDefault("10000")
        int maxReplications();

        /** Largest number of evaluations of one analysis: N, or N (k + 2) for a sensitivity analysis of k inputs. */
        @WithDefault("50000")
        int maxEvaluations();

        /** Worker threads of the analyses; default: every core. */
        Optional<Integer> parallelism();
    }

    interface ReportCard {
        /**
         * The font of the report cards: a TrueType font (.ttf), an OpenType font with TrueType outlines (.otf) or a
         * collection of them (.ttc, its first font is used) with Chinese glyphs, embedded in each PDF as a subset.
         * Without this setting the first readable one of {@code ReportCardFont.DEBIAN_FONTS} is used:
         * {@code /usr/share/fonts/truetype/wqy/wqy-microhei.ttc} (Debian package {@code fonts-wqy-microhei}), then
         * the Noto Sans CJK files of {@code fonts-noto-cjk}. Without any, report cards answer 503.
         */
        Optional<String> font();
    }
}
