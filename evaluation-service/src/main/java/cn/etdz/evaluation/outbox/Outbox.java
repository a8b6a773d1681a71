package cn.etdz.evaluation.outbox;

import cn.etdz.common.tracing.TraceContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Queues an event in the caller's transaction, so a {@code scores.v1} event exists exactly when its snapshot was
 * stored. The {@link OutboxRelay} publishes it; a committed append wakes the relay at once. The current trace travels
 * with it, so the scores continue the trace of the submissions that caused them.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, String type, String subject, int schemaVersion, Object payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event payload cannot be serialised", e);
        }
        Panache.getEntityManager().createNativeQuery("""
                        insert into outbox (event_id, topic, message_key, event_type, subject, schema_version, occurred_at, payload,
                                            trace_parent)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .unwrap(NativeQuery.class)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, type)
                .setParameter(5, subject)
                .setParameter(6, schemaVersion)
                .setParameter(7, Timestamp.from(Instant.now()))
                .setParameter(8, body)
                .setParameter(9, TraceContext.currentTraceparent(), StandardBasicTypes.STRING)
                .executeUpdate();
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
}
