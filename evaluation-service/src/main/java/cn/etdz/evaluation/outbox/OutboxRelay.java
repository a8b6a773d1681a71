package cn.etdz.evaluation.outbox;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.evaluation.config.EvaluationConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Publishes the outbox to {@code scores.v1}, oldest first, and marks each row published once Kafka has acknowledged
 * it; the same design as the indicator service's relay. When Kafka is unreachable snapshots are still stored and the
 * backlog drains when Kafka is back; a failed round discards its producer so nothing in flight can overtake a retry.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    Supplier<Producer<String, String>> producers;
    @Inject
    EvaluationConfig config;

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
        while (running) {
            try {
                if (publishBatch() == 0) {
                    wakeUp.tryAcquire(config.outbox().idleWait().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("Outbox not published, retrying in %s: %s", config.outbox().retryBackoff(), e.getMessage());
                discardProducer();
                try {
                    wakeUp.tryAcquire(config.outbox().retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
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
            var em = Panache.getEntityManager();
            @SuppressWarnings("unchecked")
            List<Object[]> batch = em.createNativeQuery("""
                            select id, event_id, topic, message_key, event_type, subject, schema_version, occurred_at, payload
                            from outbox where published_at is null order by id limit ?1 for update skip locked""")
                    .setParameter(1, config.outbox().batchSize()).getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            if (producer == null) {
                producer = producers.get();
            }
            // metadata first, so a missing topic fails the round rather than one record that later ones overtake
            batch.stream().map(row -> (String) row[2]).distinct().forEach(producer::partitionsFor);
            List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
            for (Object[] row : batch) {
                EventEnvelope envelope = new EventEnvelope(row[1].toString(), (String) row[4], "/evaluation-service",
                        time(row[7]), (String) row[5], ((Number) row[6]).intValue());
                Future<RecordMetadata> acknowledgement = producer.send(new ProducerRecord<>((String) row[2], null,
                        (String) row[3], (String) row[8], envelope.toHeaders()));
                if (acknowledgement.isDone()) {
                    acknowledgement.get();
                }
                acknowledgements.add(acknowledgement);
            }
            producer.flush();
            long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            em.createNativeQuery("update outbox set published_at = ?1 where id in (?2)")
                    .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC))
                    .setParameter(2, batch.stream().map(row -> ((Number) row[0]).longValue()).toList())
                    .executeUpdate();
            return batch.size();
        });
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

}
