package cn.etdz.indicator.config;

import cn.etdz.common.outbox.OutboxConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.MonthDay;

/** Typed configuration of the indicator service ({@code indicator.*}). */
@ConfigMapping(prefix = "indicator")
public interface IndicatorConfig {

    /** Kafka topics this service publishes to. */
    Topics topics();

    /** The outbox relay that publishes stored events to Kafka. */
    OutboxConfig outbox();

    /** Rules for submissions. */
    Submissions submissions();

    interface Topics {
        /** Zone registry changes, keyed by zone code (compacted). */
        @WithDefault("zones.v1")
        String zones();

        /** The indicator catalogue, keyed by indicator code (compacted). */
        @WithDefault("indicators.v1")
        String indicators();

        /** Accepted submissions, keyed by zone code. */
        @WithDefault("submissions.v1")
        String submissions();

        /** Period closes and reopens, keyed by period (compacted: the newest state of each period). */
        @WithDefault("periods.v1")
        String periods();

        /** Partitions of the submissions topic when this service creates it. */
        @WithDefault("6")
        int submissionsPartitions();

        /**
         * Review decisions on revisions (approved, returned), keyed by zone code; created with the submissions
         * topic's partitions, so a zone's decisions and submissions sit in partitions of the same number.
         */
        @WithDefault("reviews.v1")
        String reviews();

        /**
         * Steps of queries on values (raised, answered, closed), keyed by zone code; created with the submissions
         * topic's partitions. Apart from {@link #reviews()}, so a consumer of decisions meets only decisions.
         */
        @WithDefault("queries.v1")
        String queries();

        /** Create missing topics at start-up (off where topics are managed by an operator, e.g. Strimzi). */
        @WithDefault("true")
        boolean create();
    }

    interface Submissions {
        /** Most submissions one batch may carry; more is answered 413. A national year is about 250. */
        @WithDefault("5000")
        int maxBatchSize();

        /** Day of the year after the period by which annual data is due; later submissions are marked late. */
        @WithDefault("--03-31")
        MonthDay deadline();

        /** Time zone in which the deadline is read. */
        @WithDefault("Asia/Shanghai")
        String deadlineZone();
    }
}
