package cn.etdz.indicator.zone;

import java.time.LocalDate;

/**
 * A zone as an administrator registers or updates it. The region is derived from the province.
 *
 * @param code             stable upper-case identifier, e.g. {@code SUZHOU-IP} (ignored on update: the path names it)
 * @param name             Chinese name
 * @param nameEn           English name, optional
 * @param type             {@code ETDZ} or {@code BECZ}
 * @param province         GB/T 2260 province code, e.g. {@code 320000}
 * @param approvedOn       approval date, optional
 * @param status           {@code ACTIVE} (default), {@code WARNED} or {@code EXITED}
 * @param developedAreaKm2 developed land area in km², optional
 */
public record ZoneRequest(String code, String name, String nameEn, String type, String province, LocalDate approvedOn,
                          String status, Double developedAreaKm2) {
}
