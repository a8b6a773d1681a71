package cn.etdz.indicator.review;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Review decisions, the zone-periods waiting for review, and the newest revision's state per zone. */
@ApplicationScoped
public class ReviewRepository implements PanacheRepository<ReviewDecisionEntity> {

    /** The state of a zone-period's newest revision and when it was last decided on (null while SUBMITTED). */
    public record NewestReview(int revision, ReviewState state, OffsetDateTime decidedAt) {
    }

    /**
     * The zone-period's newest revision, with its counter row locked until the transaction ends: the lock a new
     * submission's revision claim takes, so a decision and a new revision of the same zone-period never interleave.
     */
    public OptionalInt lockNewestRevision(String zone, String period) {
        List<?> rows = getEntityManager().createNativeQuery(
                        "select latest_revision from zone_period where zone_code = :zone and period = :period for update")
                .setParameter("zone", zone)
                .setParameter("period", period)
                .getResultList();
        return rows.isEmpty() ? OptionalInt.empty() : OptionalInt.of(((Number) rows.get(0)).intValue());
    }

    /** Every decision on the zone-period's revisions, oldest first. */
    public List<ReviewDecisionEntity> decisions(String zone, String period) {
        return list("zoneCode = ?1 and period = ?2 order by id", zone, period);
    }

    /** The revision's state: its newest decision's, or SUBMITTED when none was taken. */
    public ReviewState stateOf(String zone, String period, int revision) {
        return find("zoneCode = ?1 and period = ?2 and revision = ?3 order by id desc", zone, period, revision)
                .firstResultOptional().map(decision -> decision.state).orElse(ReviewState.SUBMITTED);
    }

    /** Ids of the newest revisions still SUBMITTED, of a province and a period when given, by period and zone. */
    public List<Long> waiting(String province, String period, int page, int size) {
        var query = getEntityManager().createNativeQuery("select s.id " + waitingFrom(province, period)
                + " order by s.period desc, s.zone_code limit :limit offset :offset")
                .setParameter("limit", size)
                .setParameter("offset", (long) page * size);
        bind(query, province, period);
        List<Long> ids = new ArrayList<>();
        for (Object id : query.getResultList()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    public long countWaiting(String province, String period) {
        var query = getEntityManager().createNativeQuery("select count(*) " + waitingFrom(province, period));
        bind(query, province, period);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String waitingFrom(String province, String period) {
        return """
                from submission s
                join zone_period zp on zp.zone_code = s.zone_code and zp.period = s.period and zp.latest_revision = s.revision
                join zone z on z.code = s.zone_code
                where not exists (select 1 from review_decision d
                                  where d.zone_code = s.zone_code and d.period = s.period and d.revision = s.revision)"""
                + (province == null ? "" : " and z.province = :province")
                + (period == null ? "" : " and s.period = :period");
    }

    private static void bind(jakarta.persistence.Query query, String province, String period) {
        if (province != null) {
            query.setParameter("province", province);
        }
        if (period != null) {
            query.setParameter("period", period);
        }
    }

    /** Each zone's newest revision of the period with its review state, by zone code. */
    public Map<String, NewestReview> newestReviews(String period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select zp.zone_code, zp.latest_revision, d.state, d.decided_at
                        from zone_period zp
                        left join lateral (select state, decided_at from review_decision d
                                           where d.zone_code = zp.zone_code and d.period = zp.period
                                             and d.revision = zp.latest_revision
                                           order by d.id desc limit 1) d on true
                        where zp.period = :period""", Object[].class)
                .setParameter("period", period)
                .getResultList();
        Map<String, NewestReview> reviews = new HashMap<>();
        for (Object[] row : rows) {
            ReviewState state = row[2] == null ? ReviewState.SUBMITTED : ReviewState.valueOf((String) row[2]);
            reviews.put((String) row[0], new NewestReview(((Number) row[1]).intValue(), state, decidedAt(row[3])));
        }
        return reviews;
    }

    /** A timestamptz as the driver hands it to a native query (an OffsetDateTime, or an Instant or Timestamp). */
    private static OffsetDateTime decidedAt(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        Instant instant = value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Keeps a decision with its value comments. */
    public void add(ReviewDecisionEntity decision) {
        persist(decision);
    }
}
