package cn.etdz.indicator.zone;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Persistence of a zone; never leaves the service (the API speaks {@link ZoneView}). */
@Entity
@Table(name = "zone")
public class ZoneEntity {
    @Id
    public String code;
    public String name;
    @Column(name = "name_en")
    public String nameEn;
    @Enumerated(EnumType.STRING)
    public ZoneType type;
    public String province;
    @Enumerated(EnumType.STRING)
    public Region region;
    @Column(name = "approved_on")
    public LocalDate approvedOn;
    public String status;
    @Column(name = "developed_area_km2")
    public Double developedAreaKm2;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
