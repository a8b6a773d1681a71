package cn.etdz.indicator.outbox;

import cn.etdz.common.outbox.OutboxPublisher;
import cn.etdz.indicator.config.IndicatorConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Runs the shared {@link OutboxPublisher} for this service's outbox (submissions, zones and the catalogue), creating
 * the topics first unless an operator manages them.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Supplier<Producer<String, String>> producers;
    @Inject
    Admin admin;
    @Inject
    IndicatorConfig config;

    @Inject
    MeterRegistry metrics;

    private OutboxPublisher publisher;

    void start(@Observes StartupEvent event) {
        var outbox = config.outbox();
        publisher = new OutboxPublisher("/indicator-service", dataSource, producers, new OutboxPublisher.Settings(
                outbox.batchSize(), outbox.idleWait(), outbox.retryBackoff(), outbox.sendTimeout()),
                config.topics().create() ? this::createTopics : null);
        publisher.bindMetrics(metrics);
        publisher.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (publisher != null) {
            publisher.stop();
        }
    }

    /** Asks the relay to look at the outbox now rather than after its idle wait. */
    public void wake() {
        if (publisher != null) {
            publisher.wake();
        }
    }

    /** Creates missing topics: submissions partitioned by zone, reference data compacted (latest state per key). */
    private void createTopics() throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        if (!existing.contains(config.topics().submissions())) {
            missing.add(new NewTopic(config.topics().submissions(),
                    Optional.of(config.topics().submissionsPartitions()), Optional.empty()));
        }
        for (String reference : List.of(config.topics().zones(), config.topics().indicators())) {
            if (!existing.contains(reference)) {
                missing.add(new NewTopic(reference, Optional.of(1), Optional.empty())
                        .configs(Map.of("cleanup.policy", "compact")));
            }
        }
        for (NewTopic topic : missing) {
            try {
                admin.createTopics(List.of(topic)).all().get();
                LOG.infof("Created topic %s", topic.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

}
