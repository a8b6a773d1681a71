package cn.etdz.indicator.outbox;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.indicator.config.IndicatorConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Publishes the outbox to Kafka, oldest first, and marks each row published once Kafka has acknowledged it. When
 * Kafka is unreachable the rows stay and are retried after a pause: submissions keep being accepted and the backlog
 * drains when Kafka is back. A failed round discards its producer with everything still in flight, so a late
 * delivery cannot duplicate or reorder what the retry sends. A row may still be published twice (acknowledged, then
 * the marking transaction fails); consumers skip event ids they have applied.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxRepository messages;
    @Inject
    Supplier<Producer<String, String>> producers;
    @Inject
    Admin admin;
    @Inject
    IndicatorConfig config;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Producer<String, String> producer;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp.release();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the relay to look at the outbox now rather than after its idle wait. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        boolean topicsReady = !config.topics().create();
        while (running) {
            try {
                if (!topicsReady) {
                    createTopics();
                    topicsReady = true;
                }
                if (publishBatch() == 0) {
                    wakeUp.tryAcquire(config.outbox().idleWait().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("Outbox not published, retrying in %s: %s", config.outbox().retryBackoff(), rootMessage(e));
                discardProducer();
                sleep(config.outbox().retryBackoff().toMillis());
            }
        }
        discardProducer();
    }

    private void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    /** Publishes one batch in one transaction; returns how many rows it published. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxMessage> batch = messages.lockUnpublished(config.outbox().batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            if (producer == null) {
                producer = producers.get();
            }
            // Metadata first: send() does not throw when it is missing but fails that record alone, and the records
            // after it would then overtake it.
            for (String topic : batch.stream().map(m -> m.topic).distinct().toList()) {
                producer.partitionsFor(topic);
            }
            List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
            for (OutboxMessage message : batch) {
                EventEnvelope envelope = new EventEnvelope(message.eventId.toString(), message.eventType,
                        "/indicator-service", message.occurredAt, message.subject, message.schemaVersion);
                Future<RecordMetadata> acknowledgement = producer.send(new ProducerRecord<>(message.topic, null,
                        message.messageKey, message.payload, envelope.toHeaders()));
                if (acknowledgement.isDone()) {
                    acknowledgement.get(); // failed at once: stop here, before later records overtake this one
                }
                acknowledgements.add(acknowledgement);
            }
            producer.flush();
            long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            messages.markPublished(batch.stream().map(m -> m.id).toList(), OffsetDateTime.now(ZoneOffset.UTC));
            return batch.size();
        });
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

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private void sleep(long millis) {
        try {
            wakeUp.tryAcquire(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
