package cn.etdz.indicator.submission;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepository<SubmissionEntity> {

    /** The revision a new submission of the zone-period would get, without claiming it. */
    public int peekNextRevision(String zone, String period) {
        List<?> latest = getEntityManager()
                .createNativeQuery("select latest_revision from zone_period where zone_code = :zone and period = :period")
                .setParameter("zone", zone)
                .setParameter("period", period)
                .getResultList();
        return latest.isEmpty() ? 1 : ((Number) latest.get(0)).intValue() + 1;
    }

    /** Submissions matching every filter given (nulls ignored), newest first. */
    public PanacheQuery<SubmissionEntity> filtered(String zone, String period, String province, String status) {
        List<String> clauses = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (zone != null) {
            clauses.add("zoneCode = :zone");
            parameters.and("zone", zone);
        }
        if (period != null) {
            clauses.add("period = :period");
            parameters.and("period", period);
        }
        if (province != null) {
            clauses.add("zoneCode in (select z.code from ZoneEntity z where z.province = :province)");
            parameters.and("province", province);
        }
        if (status != null) {
            clauses.add("status = :status");
            parameters.and("status", status);
        }
        Sort newestFirst = Sort.by("id", Sort.Direction.Descending);
        return clauses.isEmpty() ? findAll(newestFirst) : find(String.join(" and ", clauses), newestFirst, parameters);
    }
}
