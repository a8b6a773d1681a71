package cn.etdz.evaluation.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One indicator value of the counting revision of a zone-period. */
@Entity
@Table(name = "zone_period_input_value")
@IdClass(ZonePeriodInputValue.Key.class)
public class ZonePeriodInputValue {
    @Id
    @Column(name = "zone_code")
    public String zoneCode;
    @Id
    public String period;
    @Id
    public String indicator;
    public double value;
    public boolean provisional;

    public static class Key implements Serializable {
        public String zoneCode;
        public String period;
        public String indicator;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(zoneCode, key.zoneCode)
                    && Objects.equals(period, key.period) && Objects.equals(indicator, key.indicator);
        }

        @Override
        public int hashCode() {
            return Objects.hash(zoneCode, period, indicator);
        }
    }
}
