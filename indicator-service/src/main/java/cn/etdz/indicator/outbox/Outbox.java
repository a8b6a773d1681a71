package cn.etdz.indicator.outbox;

import cn.etdz.common.tracing.TraceContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Queues events in the caller's transaction, so an event exists exactly when the fact it reports was stored. The
 * {@link OutboxRelay} publishes them; a committed append wakes the relay at once. Each event keeps the trace of the
 * request that stored it, so the consumer's work joins that trace.
 */
@ApplicationScoped
public class Outbox {

    /** One event to publish: topic, record key, CloudEvents type and subject, payload schema version, payload. */
    public record Entry(String topic, String key, String type, String subject, int schemaVersion, Object payload) {
    }

    @Inject
    ObjectMapper json;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Entry entry) {
        appendAll(List.of(entry));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Entry> entries) {
        Timestamp now = Timestamp.from(Instant.now());
        String traceparent = TraceContext.currentTraceparent();
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox (event_id, topic, message_key, event_type, subject, schema_version, occurred_at, payload,
                                        trace_parent)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Entry entry : entries) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, entry.topic());
                    insert.setString(3, entry.key());
                    insert.setString(4, entry.type());
                    insert.setString(5, entry.subject());
                    insert.setInt(6, entry.schemaVersion());
                    insert.setTimestamp(7, now);
                    insert.setString(8, serialise(entry.payload()));
                    insert.setString(9, traceparent);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private String serialise(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event payload cannot be serialised", e);
        }
    }
}
