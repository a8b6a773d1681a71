package cn.etdz.common.outbox;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.tracing.TraceContext;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Publishes a service's {@code outbox} table to Kafka, oldest first, on a thread of its own, and deletes each row
 * once Kafka has acknowledged it. When Kafka is unreachable the rows stay and are retried after a pause, so
 * the facts keep being stored and the backlog drains when Kafka is back. A round stops at its first failed send and
 * discards its producer with everything still in flight, so a late delivery cannot overtake what the retry sends. A
 * row may still be published twice (acknowledged, then the deleting transaction fails); consumers skip event ids they
 * have applied. {@code FOR UPDATE SKIP LOCKED} lets several replicas share one backlog.
 * <p>
 * The table is the one both services create: {@code id, event_id, topic, message_key, event_type, subject,
 * schema_version, occurred_at, payload, trace_parent}; {@code trace_parent} is the W3C
 * {@code traceparent} of the request that stored the event (null outside a trace), sent as the record's header.
 */
public final class OutboxPublisher {

    /**
     * @param batchSize    rows published per round
     * @param idleWait     sleep when nothing is waiting and nobody wakes the publisher
     * @param retryBackoff pause after Kafka could not be reached
     * @param sendTimeout  longest wait for Kafka to acknowledge a round
     */
    public record Settings(int batchSize, Duration idleWait, Duration retryBackoff, Duration sendTimeout) {
    }

    /** Work done once before the first round, retried until it succeeds (e.g. creating topics). */
    @FunctionalInterface
    public interface Preparation {
        void run() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    /** Wait after a wake-up before looking at the outbox. */
    static final long LINGER_MILLIS = 5;

    /** The backlog as last read, and when ({@link System#nanoTime()}; 0 for never). */
    private record Backlog(double events, double oldestSeconds, long readAt) {
    }

    private final String source;
    private final DataSource dataSource;
    private final Supplier<Producer<String, String>> producers;
    private final Settings settings;
    private final Preparation preparation;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Backlog backlog = new Backlog(Double.NaN, Double.NaN, 0);
    private volatile boolean running;
    private Producer<String, String> producer;
    private Thread thread;

    /**
     * @param source      CloudEvents {@code source} of the events, e.g. {@code /indicator-service}
     * @param preparation run before the first round; null for none
     */
    public OutboxPublisher(String source, DataSource dataSource, Supplier<Producer<String, String>> producers,
                           Settings settings, Preparation preparation) {
        this.source = source;
        this.dataSource = dataSource;
        this.producers = producers;
        this.settings = settings;
        this.preparation = preparation;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
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

    /**
     * Gauges of what waits in the outbox: {@code outbox_backlog_events} (unpublished rows) and
     * {@code outbox_oldest_unpublished_seconds} (age of the oldest, 0 when none): a growing age means Kafka is
     * unreachable or the relay is stuck. Read from the database at most once a second, when scraped.
     */
    public void bindMetrics(MeterRegistry registry) {
        Gauge.builder("outbox.backlog.events", this, publisher -> publisher.backlog().events())
                .description("Events stored but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("outbox.oldest.unpublished", this, publisher -> publisher.backlog().oldestSeconds())
                .description("Age of the oldest unpublished event").baseUnit("seconds").register(registry);
    }

    private Backlog backlog() {
        Backlog last = backlog;
        if (System.nanoTime() - last.readAt() < TimeUnit.SECONDS.toNanos(1) && last.readAt() != 0) {
            return last;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*), min(occurred_at) from outbox");
             ResultSet row = count.executeQuery()) {
            row.next();
            Timestamp oldest = row.getTimestamp(2);
            last = new Backlog(row.getLong(1), oldest == null ? 0
                    : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0), System.nanoTime());
        } catch (SQLException e) {
            last = new Backlog(Double.NaN, Double.NaN, System.nanoTime());
        }
        backlog = last;
        return last;
    }

    /** Look at the outbox now rather than after the idle wait (called after a commit that appended events). */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        boolean prepared = preparation == null;
        while (running) {
            try {
                if (!prepared) {
                    preparation.run();
                    prepared = true;
                }
                if (publishBatch() == 0) {
                    if (wakeUp.tryAcquire(settings.idleWait().toMillis(), TimeUnit.MILLISECONDS)) {
                        // woken by a commit: let the commits of concurrent requests land in the same round, rather
                        // than a round (and a consumer transaction downstream) per submission
                        Thread.sleep(LINGER_MILLIS);
                    }
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                LOG.warnf("Outbox not published, retrying in %s: %s", settings.retryBackoff(), rootMessage(e));
                discardProducer();
                try {
                    wakeUp.tryAcquire(settings.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        discardProducer();
    }

    /** Publishes one batch in one database transaction; returns how many rows it published. */
    int publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int published = publishBatch(connection);
                connection.commit();
                return published;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection connection) throws Exception {
        List<Long> ids = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select id, event_id, topic, message_key, event_type, subject, schema_version, occurred_at, payload,
                       trace_parent
                from outbox order by id limit ? for update skip locked""")) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong("id"));
                    EventEnvelope envelope = new EventEnvelope(rows.getString("event_id"), rows.getString("event_type"),
                            source, rows.getTimestamp("occurred_at").toInstant().atOffset(ZoneOffset.UTC),
                            rows.getString("subject"), rows.getInt("schema_version"));
                    Headers headers = envelope.toHeaders();
                    TraceContext.addTo(headers, rows.getString("trace_parent"));
                    records.add(new ProducerRecord<>(rows.getString("topic"), null, rows.getString("message_key"),
                            rows.getString("payload"), headers));
                }
            }
        }
        if (records.isEmpty()) {
            return 0;
        }
        if (producer == null) {
            producer = producers.get();
        }
        // Metadata first: send() does not throw when it is missing but fails that record alone, and the records after
        // it would then overtake it.
        for (String topic : records.stream().map(ProducerRecord::topic).distinct().toList()) {
            producer.partitionsFor(topic);
        }
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(records.size());
        for (ProducerRecord<String, String> record : records) {
            Future<RecordMetadata> acknowledgement = producer.send(record);
            if (acknowledgement.isDone()) {
                acknowledgement.get(); // failed at once: stop here, before later records overtake this one
            }
            acknowledgements.add(acknowledgement);
        }
        producer.flush();
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        deletePublished(connection, ids);
        return ids.size();
    }

    /** Kafka has the events now; a row kept as "published" would only be rewritten and scanned past. */
    private static void deletePublished(Connection connection, List<Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray(Long[]::new)));
            delete.executeUpdate();
        }
    }

    private void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
