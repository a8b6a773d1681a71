package cn.etdz.indicator.review;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Queries on values and their messages. */
@ApplicationScoped
public class QueryRepository implements PanacheRepository<ValueQueryEntity> {

    /** Queries matching every filter given (nulls ignored), newest first. */
    public PanacheQuery<ValueQueryEntity> filtered(String province, String zone, String period, QueryStatus status) {
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
        Sort newestFirst = Sort.by("id", Sort.Direction.Descending);
        return clauses.isEmpty() ? findAll(newestFirst) : find(String.join(" and ", clauses), newestFirst, parameters);
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
