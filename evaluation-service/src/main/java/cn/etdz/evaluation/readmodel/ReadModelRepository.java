package cn.etdz.evaluation.readmodel;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Persistence of the read model: applied events, zone-period inputs and their values. */
@ApplicationScoped
public class ReadModelRepository {

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    public boolean alreadyApplied(String eventId) {
        return em().find(AppliedEvent.class, eventId) != null;
    }

    public void record(AppliedEvent event) {
        em().persist(event);
    }

    public Optional<ZonePeriodInput> input(String zone, String period) {
        return Optional.ofNullable(em().find(ZonePeriodInput.class, new ZonePeriodInput.Key(zone, period)));
    }

    public List<ZonePeriodInputValue> values(String zone, String period) {
        return em().createQuery("from ZonePeriodInputValue where zoneCode = :zone and period = :period order by indicator",
                        ZonePeriodInputValue.class)
                .setParameter("zone", zone)
                .setParameter("period", period)
                .getResultList();
    }

    /** The periods for which the zone has an input. */
    public List<String> periodsOf(String zone) {
        return em().createQuery("select period from ZonePeriodInput where zoneCode = :zone", String.class)
                .setParameter("zone", zone)
                .getResultList();
    }

    /** The zone type of a registered zone; empty while its zone event has not arrived. */
    public Optional<String> zoneType(String zone) {
        @SuppressWarnings("unchecked")
        List<Object> types = em().createNativeQuery("select type from zone where code = :code")
                .setParameter("code", zone).getResultList();
        return types.stream().findFirst().map(Object::toString);
    }

    /** Replaces the zone-period's input and values with a newer revision's. */
    public void replace(ZonePeriodInput input, List<ZonePeriodInputValue> values) {
        em().createQuery("delete from ZonePeriodInputValue where zoneCode = :zone and period = :period")
                .setParameter("zone", input.zoneCode)
                .setParameter("period", input.period)
                .executeUpdate();
        em().merge(input);
        em().flush();
        values.forEach(em()::persist);
    }
}
