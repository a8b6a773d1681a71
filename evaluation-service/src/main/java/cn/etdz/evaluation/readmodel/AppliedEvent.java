package cn.etdz.evaluation.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An event this service has consumed: its id makes redelivery harmless. */
@Entity
@Table(name = "applied_event")
public class AppliedEvent {
    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_type")
    public String eventType;
    public String subject;
    public String outcome;
    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;
}
