package cn.etdz.indicator.submission;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** Every revision of a zone, of one period (or of all when null), oldest first. */
    public List<SubmissionEntity> revisions(String zone, String period) {
        return period == null
                ? list("zoneCode = ?1 order by period, revision", zone)
                : list("zoneCode = ?1 and period = ?2 order by revision", zone, period);
    }

    /** The newest accepted revision of each of a zone's periods, oldest period first. */
    public List<SubmissionEntity> newestRevisions(String zone) {
        return list("""
                from SubmissionEntity s where s.zoneCode = ?1 and s.revision = (select zp.latestRevision
                    from ZonePeriodEntity zp where zp.zoneCode = s.zoneCode and zp.period = s.period) order by s.period""",
                zone);
    }

    /** Whether the first revision of each zone's period came late, by zone code; zones without one are absent. */
    public Map<String, Boolean> firstRevisionLate(String period) {
        @SuppressWarnings("unchecked")
        List<Object[]> firsts = getEntityManager()
                .createNativeQuery("select zone_code, late from submission where period = :period and revision = 1")
                .setParameter("period", period)
                .getResultList();
        Map<String, Boolean> late = new HashMap<>();
        firsts.forEach(row -> late.put((String) row[0], (Boolean) row[1]));
        return late;
    }

    /** Submissions matching every filter given (nulls ignored), newest first. */
    public PanacheQuery<SubmissionEntity> filtered(String zone, String period, String province,
                                                   SubmissionStatus status) {
        return new ZonePeriodFilter(province, zone, period, status).newestFirst(this);
    }
}
