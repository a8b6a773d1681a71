package cn.etdz.indicator.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxMessage> {

    /**
     * The oldest unpublished messages, locked for this transaction; {@code skip locked} lets several relays (one per
     * replica) share the backlog without publishing a row twice at the same time.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxMessage> lockUnpublished(int limit) {
        return getEntityManager().createNativeQuery(
                        "select * from outbox where published_at is null order by id limit :limit for update skip locked",
                        OutboxMessage.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    public void markPublished(List<Long> ids, OffsetDateTime at) {
        update("publishedAt = ?1 where id in ?2", at, ids);
    }

    /** Events not yet published. */
    @Transactional
    public long backlog() {
        return count("publishedAt is null");
    }
}
