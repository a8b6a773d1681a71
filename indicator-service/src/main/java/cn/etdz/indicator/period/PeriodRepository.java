package cn.etdz.indicator.period;

import cn.etdz.common.jdbc.SqlTimes;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Period states and transitions ({@code period_state}, {@code period_transition}). */
@ApplicationScoped
public class PeriodRepository {

    /** The stored state of a period (last transition included), or none while it was never closed. */
    record Stored(String period, PeriodState state, String changedBy, OffsetDateTime changedAt, String reason) {
    }

    /** Locks a period's state row until the transaction ends, creating it OPEN first; returns its state. */
    PeriodState lockForChange(String period) {
        Panache.getEntityManager()
                .createNativeQuery("insert into period_state (period, state) values (:period, 'OPEN') on conflict do nothing")
                .setParameter("period", period)
                .executeUpdate();
        Object state = Panache.getEntityManager()
                .createNativeQuery("select state from period_state where period = :period for update")
                .setParameter("period", period)
                .getSingleResult();
        return PeriodState.valueOf((String) state);
    }

    void change(String period, PeriodState from, PeriodState to, String changedBy, OffsetDateTime changedAt, String reason) {
        Panache.getEntityManager().createNativeQuery("""
                        update period_state set state = :to, changed_by = :by, changed_at = :at, reason = :reason
                        where period = :period""")
                .setParameter("to", to.name())
                .setParameter("by", changedBy)
                .setParameter("at", changedAt)
                .setParameter("reason", reason)
                .setParameter("period", period)
                .executeUpdate();
        Panache.getEntityManager().createNativeQuery("""
                        insert into period_transition (period, from_state, to_state, changed_by, changed_at, reason)
                        values (:period, :from, :to, :by, :at, :reason)""")
                .setParameter("period", period)
                .setParameter("from", from.name())
                .setParameter("to", to.name())
                .setParameter("by", changedBy)
                .setParameter("at", changedAt)
                .setParameter("reason", reason)
                .executeUpdate();
    }

    /**
     * The closed ones among these periods. Their rows are read with a share lock held until the transaction ends, so
     * a close of one of them waits for a submission in flight, and a submission waits for a close in flight.
     */
    @SuppressWarnings("unchecked")
    List<String> closedAmong(Collection<String> periods) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select period, state from period_state where period in (:periods) order by period for share")
                .setParameter("periods", periods)
                .getResultList();
        return rows.stream().filter(row -> PeriodState.CLOSED.name().equals(row[1])).map(row -> (String) row[0]).toList();
    }

    /** Every period that has revisions or a state, newest first, with its stored state where it has one. */
    @SuppressWarnings("unchecked")
    Map<String, Stored> periods() {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select p.period, ps.state, ps.changed_by, ps.changed_at, ps.reason
                        from (select period from zone_period union select period from period_state) p
                        left join period_state ps on ps.period = p.period""")
                .getResultList();
        Map<String, Stored> periods = new TreeMap<>(Comparator.reverseOrder());
        for (Object[] row : rows) {
            String period = (String) row[0];
            periods.put(period, new Stored(period, row[1] == null ? PeriodState.OPEN : PeriodState.valueOf((String) row[1]),
                    (String) row[2], SqlTimes.utc(row[3]), (String) row[4]));
        }
        return periods;
    }

    /** Every transition, by period, oldest first. */
    @SuppressWarnings("unchecked")
    Map<String, List<PeriodView.Transition>> transitions() {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select period, from_state, to_state, changed_by, changed_at, reason from period_transition
                        order by id""")
                .getResultList();
        Map<String, List<PeriodView.Transition>> transitions = new HashMap<>();
        for (Object[] row : rows) {
            transitions.computeIfAbsent((String) row[0], period -> new ArrayList<>()).add(new PeriodView.Transition(
                    PeriodState.valueOf((String) row[1]), PeriodState.valueOf((String) row[2]), (String) row[3],
                    SqlTimes.utc(row[4]), (String) row[5]));
        }
        return transitions;
    }
}
