package cn.etdz.evaluation.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** The revision of a zone-period that currently counts, its values, and the event it came from. */
@Entity
@Table(name = "zone_period_input")
@IdClass(ZonePeriodInput.Key.class)
public class ZonePeriodInput {
    @Id
    @Column(name = "zone_code")
    public String zoneCode;
    @Id
    public String period;
    public int revision;
    @Column(name = "submission_id")
    public long submissionId;
    public boolean late;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;
    /** The revision's values, in the order submitted: indicator codes, values and provisional flags side by side. */
    public String[] indicators;
    @Column(name = "indicator_values")
    public double[] indicatorValues;
    public boolean[] provisional;

    public static class Key implements Serializable {
        public String zoneCode;
        public String period;

        public Key() {
        }

        public Key(String zoneCode, String period) {
            this.zoneCode = zoneCode;
            this.period = period;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(zoneCode, key.zoneCode) && Objects.equals(period, key.period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(zoneCode, period);
        }
    }
}
