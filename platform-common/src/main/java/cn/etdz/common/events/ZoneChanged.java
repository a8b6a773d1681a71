package cn.etdz.common.events;

import java.time.LocalDate;

/**
 * Payload of {@link EventTypes#ZONE_CHANGED} on the compacted topic {@code zones.v1}, keyed by zone code: the zone's
 * full current state after it was registered or changed (event-carried state). Schema version {@value #SCHEMA_VERSION}.
 *
 * @param type     ETDZ or BECZ
 * @param province GB/T 2260 code
 * @param region   EAST, CENTRAL, NORTHEAST or WEST
 * @param status   ACTIVE, WARNED or EXITED
 */
public record ZoneChanged(String code, String name, String nameEn, String type, String province, String region,
                          LocalDate approvedOn, String status, Double developedAreaKm2) {

    public static final int SCHEMA_VERSION = 1;
}
