package cn.etdz.indicator.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** Persistence of a catalogue entry. */
@Entity
@Table(name = "indicator")
public class IndicatorEntity {
    @Id
    public String code;
    public String name;
    @Column(name = "name_en")
    public String nameEn;
    public String unit;
    public String pillar;
    @Enumerated(EnumType.STRING)
    @Column(name = "value_type")
    public ValueType valueType;
    @Column(name = "min_value")
    public double minValue;
    @Column(name = "max_value")
    public Double maxValue;
    @Column(name = "applies_etdz")
    public boolean appliesEtdz;
    @Column(name = "applies_becz")
    public boolean appliesBecz;
    public boolean required;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** The administrator who added it; null for the plan's catalogue, loaded by migration. */
    @Column(name = "added_by")
    public String addedBy;
    @Column(name = "added_at")
    public OffsetDateTime addedAt;
}
