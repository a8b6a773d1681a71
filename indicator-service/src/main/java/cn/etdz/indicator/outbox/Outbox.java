package cn.etdz.indicator.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Queues an event in the caller's transaction, so the event exists exactly when the fact it reports was stored.
 * The {@link OutboxRelay} publishes it; a committed append wakes the relay at once.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxRepository messages;
    @Inject
    ObjectMapper json;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String key, String type, String subject, int schemaVersion, Object payload) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = UUID.randomUUID();
        message.topic = topic;
        message.messageKey = key;
        message.eventType = type;
        message.subject = subject;
        message.schemaVersion = schemaVersion;
        message.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            message.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event payload cannot be serialised", e);
        }
        messages.persist(message);
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
        return message.eventId;
    }
}
