package cn.etdz.common.outbox;

import cn.etdz.common.tracing.TraceContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Queues events in the caller's transaction, so an event exists exactly when the fact it reports was stored: the
 * connection taken inside the transaction is the one the transaction already holds. The {@link OutboxRelay}
 * publishes them; a committed append wakes the relay at once (a rolled-back one does not). Each event keeps the trace
 * of the request that stored it, so the consumer's work joins that trace.
 */
@ApplicationScoped
public class Outbox {

    /** One event to publish: topic, record key, CloudEvents type and subject, payload schema version, payload. */
    public record Entry(String topic, String key, String type, String subject, int schemaVersion, Object payload) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    Event<OutboxRelay.Appended> appended;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Entry entry) {
        appendAll(List.of(entry));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        String traceparent = TraceContext.currentTraceparent();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into outbox (event_id, topic, message_key, event_type, subject, schema_version, occurred_at,
                                         payload, trace_parent)
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
        } catch (SQLException e) {
            throw new IllegalStateException("Events could not be queued in the outbox", e);
        }
        appended.fire(new OutboxRelay.Appended());
    }

    private String serialise(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event payload cannot be serialised", e);
        }
    }
}
