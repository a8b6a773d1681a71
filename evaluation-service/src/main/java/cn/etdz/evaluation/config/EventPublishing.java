package cn.etdz.evaluation.config;

import cn.etdz.common.kafka.TopicSpec;
import cn.etdz.common.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * What this service's outbox relay publishes: score snapshots to one ordered topic, which the relay creates first
 * unless an operator manages topics.
 */
@ApplicationScoped
public class EventPublishing {

    @Produces
    @Singleton
    OutboxRelay.Setup outboxSetup(EvaluationConfig config) {
        return new OutboxRelay.Setup(config.outbox(), !config.consumer().createTopics() ? List.of()
                : List.of(TopicSpec.single(config.outbox().scoresTopic())));
    }
}
