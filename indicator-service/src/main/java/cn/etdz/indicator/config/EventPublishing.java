package cn.etdz.indicator.config;

import cn.etdz.common.kafka.TopicSpec;
import cn.etdz.common.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * What this service's outbox relay publishes: submissions and review decisions partitioned by zone, and the zone
 * registry, indicator catalogue and period states compacted (latest state per key). The relay creates missing topics
 * first unless an operator manages them.
 */
@ApplicationScoped
public class EventPublishing {

    @Produces
    @Singleton
    OutboxRelay.Setup outboxSetup(IndicatorConfig config) {
        IndicatorConfig.Topics topics = config.topics();
        return new OutboxRelay.Setup(config.outbox(), !topics.create() ? List.of() : List.of(
                TopicSpec.partitioned(topics.submissions(), topics.submissionsPartitions()),
                TopicSpec.compacted(topics.zones()),
                TopicSpec.compacted(topics.indicators()),
                TopicSpec.compacted(topics.periods()),
                TopicSpec.partitioned(topics.reviews(), topics.submissionsPartitions()),
                TopicSpec.partitioned(topics.queries(), topics.submissionsPartitions())));
    }
}
