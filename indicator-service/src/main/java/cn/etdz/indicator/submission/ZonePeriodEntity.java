package cn.etdz.indicator.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** The newest revision number of a zone-period (written by {@link SubmissionWriter}, read by queries). */
@Entity
@Table(name = "zone_period")
@IdClass(ZonePeriodEntity.Key.class)
public class ZonePeriodEntity {
    @Id
    @Column(name = "zone_code")
    public String zoneCode;
    @Id
    public String period;
    @Column(name = "latest_revision")
    public int latestRevision;

    public static class Key implements Serializable {
        public String zoneCode;
        public String period;

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
