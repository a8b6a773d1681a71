package cn.etdz.indicator.submission;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import java.util.ArrayList;
import java.util.List;

/**
 * The filter of a listing of rows that belong to a zone-period (submissions, queries on values): province, zone,
 * period and status, each left out when null, newest row first. The entity has {@code zoneCode}, {@code period},
 * {@code status} and {@code id}.
 */
public record ZonePeriodFilter(String province, String zone, String period, Object status) {

    /** The matching rows of the repository's entity, newest first. */
    public <E> PanacheQuery<E> newestFirst(PanacheRepository<E> repository) {
        List<String> clauses = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (province != null) {
            clauses.add("zoneCode in (select z.code from ZoneEntity z where z.province = :province)");
            parameters.and("province", province);
        }
        if (zone != null) {
            clauses.add("zoneCode = :zone");
            parameters.and("zone", zone);
        }
        if (period != null) {
            clauses.add("period = :period");
            parameters.and("period", period);
        }
        if (status != null) {
            clauses.add("status = :status");
            parameters.and("status", status);
        }
        Sort newest = Sort.by("id", Sort.Direction.Descending);
        return clauses.isEmpty() ? repository.findAll(newest) : repository.find(String.join(" and ", clauses), newest, parameters);
    }
}
