package cn.etdz.evaluation.analysis;

import cn.etdz.common.jdbc.SqlTimes;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The analysis jobs table: each state change is one conditional update, so a cancel and a finish cannot both win. */
@ApplicationScoped
public class AnalysisRepository {

    /** A stored job; {@code request} and {@code result} are JSON. */
    public record StoredJob(long id, String kind, String state, int progress, String zoneType, String period,
                            Long snapshotId, String methodology, String request, String result, String error,
                            String createdBy, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
    }

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    /** Serialises submissions over all replicas, so the count of active jobs and the insert are one step. */
    public void lockSubmissions() {
        em().createNativeQuery("select pg_advisory_xact_lock(hashtext('analysis_job'))").getSingleResult();
    }

    /** Jobs queued or running whose progress has not moved for {@code stale}: their service stopped. */
    public int failStale(Duration stale, String error) {
        return em().createNativeQuery("""
                        update analysis_job set state = 'FAILED', error = ?1, finished_at = now(), updated_at = now()
                        where state in ('QUEUED', 'RUNNING') and updated_at < ?2""")
                .setParameter(1, error).setParameter(2, Timestamp.from(Instant.now().minus(stale))).executeUpdate();
    }

    public int countActive() {
        return ((Number) em().createNativeQuery(
                "select count(*) from analysis_job where state in ('QUEUED', 'RUNNING')").getSingleResult()).intValue();
    }

    public long insert(String kind, String zoneType, String period, Long snapshotId, String methodology,
                       String request, String createdBy) {
        return ((Number) em().createNativeQuery("""
                        insert into analysis_job (kind, state, progress, zone_type, period, snapshot_id, methodology,
                            request, created_by, created_at, updated_at)
                        values (?1, 'QUEUED', 0, ?2, ?3, ?4, ?5, ?6, ?7, now(), now()) returning id""")
                .setParameter(1, kind).setParameter(2, zoneType).setParameter(3, period)
                .setParameter(4, snapshotId).setParameter(5, methodology).setParameter(6, request)
                .setParameter(7, createdBy).getSingleResult()).longValue();
    }

    public Optional<StoredJob> find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                        select id, kind, state, progress, zone_type, period, snapshot_id, methodology, request, result,
                               error, created_by, created_at, finished_at
                        from analysis_job where id = ?1""")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new StoredJob(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], ((Number) r[3]).intValue(), (String) r[4], (String) r[5],
                r[6] == null ? null : ((Number) r[6]).longValue(), (String) r[7], (String) r[8], (String) r[9],
                (String) r[10], (String) r[11], SqlTimes.utc(r[12]), SqlTimes.utc(r[13])));
    }

    /**
     * The newest {@code limit} jobs of a stored peer group and period, newest first; {@code kind} null means both.
     * Without their results, which can be large.
     */
    public List<StoredJob> list(String zoneType, String period, String kind, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                        select id, kind, state, progress, zone_type, period, snapshot_id, methodology, request,
                               created_by, created_at, finished_at
                        from analysis_job where zone_type = ?1 and period = ?2 and (?3 = '' or kind = ?3)
                        order by id desc limit ?4""")
                .setParameter(1, zoneType).setParameter(2, period).setParameter(3, kind == null ? "" : kind)
                .setParameter(4, limit).getResultList();
        return rows.stream().map(r -> new StoredJob(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), (String) r[4], (String) r[5],
                r[6] == null ? null : ((Number) r[6]).longValue(), (String) r[7], (String) r[8], null, null,
                (String) r[9], SqlTimes.utc(r[10]), SqlTimes.utc(r[11]))).toList();
    }

    /** QUEUED → RUNNING; false if the job was cancelled meanwhile. */
    public boolean start(long id) {
        return em().createNativeQuery("""
                        update analysis_job set state = 'RUNNING', updated_at = now() where id = ?1 and state = 'QUEUED'""")
                .setParameter(1, id).executeUpdate() == 1;
    }

    /** Records progress of a running job; false if it is no longer running (cancelled). */
    public boolean progress(long id, int percent) {
        return em().createNativeQuery("""
                        update analysis_job set progress = ?2, updated_at = now() where id = ?1 and state = 'RUNNING'""")
                .setParameter(1, id).setParameter(2, percent).executeUpdate() == 1;
    }

    public boolean finish(long id, String result) {
        return em().createNativeQuery("""
                        update analysis_job set state = 'DONE', progress = 100, result = ?2, finished_at = now(),
                            updated_at = now() where id = ?1 and state = 'RUNNING'""")
                .setParameter(1, id).setParameter(2, result).executeUpdate() == 1;
    }

    public void fail(long id, String error) {
        em().createNativeQuery("""
                        update analysis_job set state = 'FAILED', error = ?2, finished_at = now(), updated_at = now()
                        where id = ?1 and state in ('QUEUED', 'RUNNING')""")
                .setParameter(1, id).setParameter(2, error).executeUpdate();
    }

    /** QUEUED or RUNNING → CANCELLED; false if the job had already ended. */
    public boolean cancel(long id) {
        return em().createNativeQuery("""
                        update analysis_job set state = 'CANCELLED', finished_at = now(), updated_at = now()
                        where id = ?1 and state in ('QUEUED', 'RUNNING')""")
                .setParameter(1, id).executeUpdate() == 1;
    }
}
