package cn.etdz.common.outbox;

import cn.etdz.common.kafka.TopicAdministrator;
import cn.etdz.common.kafka.TopicSpec;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the {@link OutboxPublisher} of this service's {@code outbox} table from start-up to shutdown, as CloudEvents
 * source {@code /<quarkus.application.name>}. Before the first round it creates the topics the service's
 * {@link Setup} lists (retried until that succeeds), and it serves the backlog gauges on the service's registry. A
 * transaction that appended events wakes it when it commits.
 */
@ApplicationScoped
public class OutboxRelay {

    /**
     * What a service tells its relay; each service produces one.
     *
     * @param settings its {@code outbox.*} configuration group
     * @param topics   topics to create before publishing when missing; empty where an operator manages them
     */
    public record Setup(OutboxConfig settings, List<TopicSpec> topics) {
        public Setup {
            topics = List.copyOf(topics);
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    Supplier<Producer<String, String>> producers;
    @Inject
    TopicAdministrator topicAdministrator;
    @Inject
    Setup setup;
    @Inject
    MeterRegistry metrics;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private volatile OutboxPublisher publisher;

    void start(@Observes StartupEvent event) {
        OutboxConfig settings = setup.settings();
        List<TopicSpec> topics = setup.topics();
        OutboxPublisher started = new OutboxPublisher("/" + service, dataSource, producers,
                new OutboxPublisher.Settings(settings.batchSize(), settings.idleWait(), settings.retryBackoff(),
                        settings.sendTimeout()),
                topics.isEmpty() ? null : () -> topicAdministrator.createMissing(topics));
        started.bindMetrics(metrics);
        started.start();
        publisher = started;
    }

    void stop(@Observes ShutdownEvent event) {
        if (publisher != null) {
            publisher.stop();
        }
    }

    /** Fired by the {@link Outbox} in the transaction that appended events. */
    record Appended() {
    }

    /** Looks at the outbox now rather than after the idle wait, once a transaction that appended events commits. */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) Appended appended) {
        OutboxPublisher current = publisher;
        if (current != null) {
            current.wake();
        }
    }
}
