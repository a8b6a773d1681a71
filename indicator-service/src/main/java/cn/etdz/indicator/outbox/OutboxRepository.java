package cn.etdz.indicator.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxMessage> {

    /** Events not yet published. */
    @Transactional
    public long backlog() {
        return count("publishedAt is null");
    }
}
