package cn.etdz.indicator.submission;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code Idempotency-Key}s of accepted submissions and batches, per caller. The key row is inserted in the transaction
 * that stores the submission (or the batch); a concurrent request with the same key waits on the row and then sees the
 * first one's result.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IdempotencyKeys {

    /** A key seen before: the hash of the request it came with and the submission that request created. */
    record Seen(String requestHash, long submissionId) {
    }

    public Optional<Seen> find(String subject, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                        "select request_hash, submission_id from idempotency_key where subject = :subject and key = :key")
                .setParameter("subject", subject)
                .setParameter("key", key)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Seen((String) row[0], ((Number) row[1]).longValue()));
    }

    /** A batch key seen before: the hash of the batch it came with and that batch's result as JSON. */
    record SeenBatch(String requestHash, String result) {
    }

    public Optional<SeenBatch> findBatch(String subject, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                        "select request_hash, result from batch_idempotency_key where subject = :subject and key = :key")
                .setParameter("subject", subject)
                .setParameter("key", key)
                .getResultList();
        return rows.stream().findFirst().map(row -> new SeenBatch((String) row[0], (String) row[1]));
    }

    /** Records the key with a stored batch's result; false when another request claimed it first. */
    public boolean claimBatch(String subject, String key, String requestHash, String result) {
        return Panache.getEntityManager().createNativeQuery("""
                        insert into batch_idempotency_key (subject, key, request_hash, result, created_at)
                        values (:subject, :key, :hash, :result, :now) on conflict do nothing""")
                .setParameter("subject", subject)
                .setParameter("key", key)
                .setParameter("hash", requestHash)
                .setParameter("result", result)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    /** Records the key for a new submission; false when another request claimed it first (it has then committed). */
    public boolean claim(String subject, String key, String requestHash, long submissionId) {
        return Panache.getEntityManager().createNativeQuery("""
                        insert into idempotency_key (subject, key, request_hash, submission_id, created_at)
                        values (:subject, :key, :hash, :submission, :now) on conflict do nothing""")
                .setParameter("subject", subject)
                .setParameter("key", key)
                .setParameter("hash", requestHash)
                .setParameter("submission", submissionId)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate() == 1;
    }
}
