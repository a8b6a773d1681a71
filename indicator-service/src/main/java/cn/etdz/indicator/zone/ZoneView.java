package cn.etdz.indicator.zone;

import java.time.LocalDate;

/** A zone as the API shows it. */
public record ZoneView(String code, String name, String nameEn, ZoneType type, String province, Region region,
                       LocalDate approvedOn, String status, Double developedAreaKm2) {

    static ZoneView of(ZoneEntity zone) {
        return new ZoneView(zone.code, zone.name, zone.nameEn, zone.type, zone.province, zone.region, zone.approvedOn,
                zone.status, zone.developedAreaKm2);
    }
}
