package cn.etdz.evaluation.readmodel;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.IndicatorDefined;
import cn.etdz.common.events.ZoneChanged;
import io.quarkus.hibernate.orm.panache.Panache;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies reference events (full states from compacted topics) to the {@code zone} and {@code indicator} tables,
 * one transaction per event. An event id seen before is skipped; a state older than the one held (by event time)
 * changes nothing, so a replay of the compacted topic is harmless. A zone change marks every peer group the zone
 * takes part in for recomputation, because type, region, status and area all enter the scores.
 */
@ApplicationScoped
public class ReferenceUpdater {

    @Inject
    ReadModelRepository readModel;
    @Inject
    Event<PeerGroupChanged> peerGroupChanged;
    @Inject
    ZoneDirectory directory;

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ReadModelUpdater.Outcome applyZone(EventEnvelope envelope, ZoneChanged zone) {
        if (readModel.alreadyApplied(envelope.id())) {
            return ReadModelUpdater.Outcome.DUPLICATE;
        }
        @SuppressWarnings("unchecked")
        List<Object> previousType = em().createNativeQuery("select type from zone where code = :code")
                .setParameter("code", zone.code()).getResultList();
        int changed = em().createNativeQuery("""
                        insert into zone (code, name, name_en, type, province, region, status, developed_area_km2, changed_at)
                        values (:code, :name, :nameEn, :type, :province, :region, :status, :area, :at)
                        on conflict (code) do update set name = excluded.name, name_en = excluded.name_en,
                            type = excluded.type,
                            province = excluded.province, region = excluded.region, status = excluded.status,
                            developed_area_km2 = excluded.developed_area_km2, changed_at = excluded.changed_at
                        where zone.changed_at <= excluded.changed_at""")
                .setParameter("code", zone.code())
                .setParameter("name", zone.name())
                .setParameter("nameEn", zone.nameEn())
                .setParameter("type", zone.type())
                .setParameter("province", zone.province())
                .setParameter("region", zone.region())
                .setParameter("status", zone.status())
                .setParameter("area", zone.developedAreaKm2())
                .setParameter("at", envelope.time())
                .executeUpdate();
        ReadModelUpdater.Outcome outcome = changed == 1 ? ReadModelUpdater.Outcome.APPLIED : ReadModelUpdater.Outcome.STALE;
        if (outcome == ReadModelUpdater.Outcome.APPLIED) {
            directory.invalidateAfterCompletion();
            Set<String> types = new LinkedHashSet<>();
            types.add(zone.type());
            previousType.forEach(type -> types.add(type.toString()));
            for (String period : readModel.periodsOf(zone.code())) {
                types.forEach(type -> peerGroupChanged.fire(new PeerGroupChanged(type, period, Span.current().getSpanContext())));
            }
        }
        readModel.record(applied(envelope, outcome));
        return outcome;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ReadModelUpdater.Outcome applyIndicator(EventEnvelope envelope, IndicatorDefined indicator) {
        if (readModel.alreadyApplied(envelope.id())) {
            return ReadModelUpdater.Outcome.DUPLICATE;
        }
        int changed = em().createNativeQuery("""
                        insert into indicator (code, name, name_en, unit, pillar, value_type, applies_to, required, changed_at)
                        values (:code, :name, :nameEn, :unit, :pillar, :valueType, :appliesTo, :required, :at)
                        on conflict (code) do update set name = excluded.name, name_en = excluded.name_en,
                            unit = excluded.unit,
                            pillar = excluded.pillar, value_type = excluded.value_type,
                            applies_to = excluded.applies_to, required = excluded.required,
                            changed_at = excluded.changed_at
                        where indicator.changed_at <= excluded.changed_at""")
                .setParameter("code", indicator.code())
                .setParameter("name", indicator.name())
                .setParameter("nameEn", indicator.nameEn())
                .setParameter("unit", indicator.unit())
                .setParameter("pillar", indicator.pillar())
                .setParameter("valueType", indicator.valueType())
                .setParameter("appliesTo", String.join(",", indicator.appliesTo() == null ? List.of() : indicator.appliesTo()))
                .setParameter("required", indicator.required())
                .setParameter("at", envelope.time())
                .executeUpdate();
        ReadModelUpdater.Outcome outcome = changed == 1 ? ReadModelUpdater.Outcome.APPLIED : ReadModelUpdater.Outcome.STALE;
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
}
