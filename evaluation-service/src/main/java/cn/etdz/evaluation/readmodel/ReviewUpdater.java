package cn.etdz.evaluation.readmodel;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.PeriodStateChanged;
import cn.etdz.common.events.RevisionReviewed;
import io.opentelemetry.api.trace.Span;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Applies review decisions ({@code reviews.v1}) and period states ({@code periods.v1}), one transaction per event; an
 * event id seen before is skipped.
 * <ul>
 * <li>An approval makes its revision the zone-period's approved one unless a newer revision is approved already. Its
 * values need not have arrived: the official basis uses them from the moment they do.</li>
 * <li>A return of the approved revision withdraws the approval: the zone-period has no approved revision until a
 * newer one is approved. A return of a newer revision leaves the earlier approval standing, because the approved
 * values are still the ones the province's reviewer signed off.</li>
 * <li>A change of the approved revision marks the zone's peer group of the period (and of the next period, whose
 * growth rates read it) for recomputation.</li>
 * <li>A closed period fires {@link PeriodClosed}; a reopened one is only recorded.</li>
 * </ul>
 */
@ApplicationScoped
public class ReviewUpdater {

    @Inject
    ReadModelRepository readModel;
    @Inject
    Event<PeerGroupChanged> peerGroupChanged;
    @Inject
    Event<PeriodClosed> periodClosed;

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ReadModelUpdater.Outcome applyReview(EventEnvelope envelope, RevisionReviewed review) {
        if (readModel.alreadyApplied(envelope.id())) {
            return ReadModelUpdater.Outcome.DUPLICATE;
        }
        int changed;
        if ("APPROVED".equals(review.state())) {
            changed = em().createNativeQuery("""
                            insert into approval (zone_code, period, revision, decided_by, decided_at, event_id)
                            values (:zone, :period, :revision, :by, :at, :event)
                            on conflict (period, zone_code) do update set revision = excluded.revision,
                                decided_by = excluded.decided_by, decided_at = excluded.decided_at,
                                event_id = excluded.event_id
                            where approval.revision < excluded.revision""")
                    .setParameter("zone", review.zone())
                    .setParameter("period", review.period())
                    .setParameter("revision", review.revision())
                    .setParameter("by", review.decidedBy())
                    .setParameter("at", review.decidedAt())
                    .setParameter("event", envelope.id())
                    .executeUpdate();
        } else {
            changed = em().createNativeQuery("""
                            delete from approval where zone_code = :zone and period = :period and revision = :revision""")
                    .setParameter("zone", review.zone())
                    .setParameter("period", review.period())
                    .setParameter("revision", review.revision())
                    .executeUpdate();
        }
        ReadModelUpdater.Outcome outcome = changed == 1 ? ReadModelUpdater.Outcome.APPLIED
                : ReadModelUpdater.Outcome.STALE;
        if (outcome == ReadModelUpdater.Outcome.APPLIED) {
            @SuppressWarnings("unchecked")
            List<Object> type = em().createNativeQuery("select type from zone where code = :code")
                    .setParameter("code", review.zone()).getResultList();
            // a zone not registered yet joins its peer groups when it is (ReferenceUpdater marks them)
            type.stream().findFirst().map(Object::toString).ifPresent(zoneType -> {
                peerGroupChanged.fire(new PeerGroupChanged(zoneType, review.period(), Span.current().getSpanContext()));
                nextPeriod(review.period()).ifPresent(next -> peerGroupChanged.fire(
                        new PeerGroupChanged(zoneType, next, Span.current().getSpanContext())));
            });
        }
        readModel.record(applied(envelope, outcome));
        return outcome;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ReadModelUpdater.Outcome applyPeriod(EventEnvelope envelope, PeriodStateChanged period) {
        if (readModel.alreadyApplied(envelope.id())) {
            return ReadModelUpdater.Outcome.DUPLICATE;
        }
        // a compacted topic replays each period's last state: an older state than the one held changes nothing
        int changed = em().createNativeQuery("""
                        insert into period_state (period, state, changed_at, event_id)
                        values (:period, :state, :at, :event)
                        on conflict (period) do update set state = excluded.state, changed_at = excluded.changed_at,
                            event_id = excluded.event_id
                        where period_state.changed_at < excluded.changed_at""")
                .setParameter("period", period.period())
                .setParameter("state", period.state())
                .setParameter("at", period.changedAt())
                .setParameter("event", envelope.id())
                .executeUpdate();
        ReadModelUpdater.Outcome outcome = changed == 1 ? ReadModelUpdater.Outcome.APPLIED
                : ReadModelUpdater.Outcome.STALE;
        if (outcome == ReadModelUpdater.Outcome.APPLIED && "CLOSED".equals(period.state())) {
            periodClosed.fire(new PeriodClosed(period.period(), period.changedAt()));
        }
        readModel.record(applied(envelope, outcome));
        return outcome;
    }

    private static AppliedEvent applied(EventEnvelope envelope, ReadModelUpdater.Outcome outcome) {
        AppliedEvent applied = new AppliedEvent();
        applied.eventId = envelope.id();
        applied.eventType = envelope.type();
        applied.subject = envelope.subject();
        applied.outcome = outcome.name();
        applied.appliedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return applied;
    }

    private static Optional<String> nextPeriod(String period) {
        try {
            return Optional.of(Integer.toString(Integer.parseInt(period) + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
