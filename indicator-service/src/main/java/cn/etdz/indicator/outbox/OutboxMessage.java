package cn.etdz.indicator.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event waiting to be published (or published, with the time it was). */
@Entity
@Table(name = "outbox")
public class OutboxMessage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id")
    public UUID eventId;
    public String topic;
    @Column(name = "message_key")
    public String messageKey;
    @Column(name = "event_type")
    public String eventType;
    public String subject;
    @Column(name = "schema_version")
    public int schemaVersion;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    public String payload;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
