package cn.etdz.indicator.review;

import cn.etdz.indicator.submission.ZonePeriodFilter;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Queries on values and their messages. */
@ApplicationScoped
public class QueryRepository implements PanacheRepository<ValueQueryEntity> {

    /** Queries matching every filter given (nulls ignored), newest first. */
    public PanacheQuery<ValueQueryEntity> filtered(String province, String zone, String period, QueryStatus status) {
        return new ZonePeriodFilter(province, zone, period, status).newestFirst(this);
    }

    /** The open queries of a zone-period, oldest first. */
    public List<ValueQueryEntity> open(String zone, String period) {
        return list("zoneCode = ?1 and period = ?2 and status = ?3 order by id", zone, period, QueryStatus.OPEN);
    }

    /** Keeps a step of a query. */
    public void addMessage(QueryMessageEntity message) {
        getEntityManager().persist(message);
        message.query.messages.add(message);
    }
}
