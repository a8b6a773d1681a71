package cn.etdz.evaluation.outbox;

import cn.etdz.common.outbox.OutboxPublisher;
import cn.etdz.evaluation.config.EvaluationConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;

import java.util.function.Supplier;

/**
 * Runs the shared {@link OutboxPublisher} for this service's outbox: score snapshots to {@code scores.v1}. When Kafka
 * is unreachable snapshots are still stored and the backlog drains when Kafka is back.
 */
@ApplicationScoped
public class OutboxRelay {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Supplier<Producer<String, String>> producers;
    @Inject
    EvaluationConfig config;

    @Inject
    MeterRegistry metrics;

    private OutboxPublisher publisher;

    void start(@Observes StartupEvent event) {
        var outbox = config.outbox();
        publisher = new OutboxPublisher("/evaluation-service", dataSource, producers, new OutboxPublisher.Settings(
                outbox.batchSize(), outbox.idleWait(), outbox.retryBackoff(), outbox.sendTimeout()), null);
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
}
