package cn.etdz.evaluation.readmodel;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Persistence of the read model: applied events and zone-period inputs. */
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

    /**
     * The values of a period's inputs, zone → indicator → value: of every zone, or of {@code zones} only when given.
     * One row per zone-period, its values as arrays (V6).
     */
    public Map<String, Map<String, Double>> periodValues(String period, Collection<String> zones) {
        return values("select zone_code, indicators, indicator_values from zone_period_input where period = ?",
                "zone_code", period, zones);
    }

    /**
     * The values of a period's approved revisions (the official basis), zone → indicator → value: of every zone with
     * an approved revision whose values have arrived, or of {@code zones} only when given.
     */
    public Map<String, Map<String, Double>> approvedValues(String period, Collection<String> zones) {
        return values("""
                select r.zone_code, r.indicators, r.indicator_values from approval a
                join revision_input r on r.period = a.period and r.zone_code = a.zone_code and r.revision = a.revision
                where a.period = ?""", "r.zone_code", period, zones);
    }

    /** The values read by a query of zone code, indicators and values of one period, restricted by zone column. */
    private Map<String, Map<String, Double>> values(String query, String zoneColumn, String period,
                                                    Collection<String> zones) {
        Map<String, Map<String, Double>> values = new HashMap<>();
        em().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(query
                    + (zones == null ? "" : " and " + zoneColumn + " = any(?)"))) {
                select.setString(1, period);
                if (zones != null) {
                    select.setArray(2, connection.createArrayOf("varchar", zones.toArray()));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String[] indicators = (String[]) rows.getArray(2).getArray();
                        Double[] amounts = (Double[]) rows.getArray(3).getArray();
                        Map<String, Double> zone = new HashMap<>();
                        for (int i = 0; i < indicators.length; i++) {
                            zone.put(indicators[i], amounts[i]);
                        }
                        values.put(rows.getString(1), zone);
                    }
                }
            }
        });
        return values;
    }

    /** A zone of the registry with the revision of its input for one period. */
    public record ZoneWithInput(String code, String name, String province, String region, Double developedAreaKm2,
                                int revision) {
    }

    /** The zones of a type, not exited, that have an input for the period, by code. */
    public List<ZoneWithInput> zonesWithInput(String zoneType, String period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                        select z.code, z.name, z.province, z.region, z.developed_area_km2, i.revision
                        from zone z join zone_period_input i on i.zone_code = z.code and i.period = ?2
                        where z.type = ?1 and z.status <> 'EXITED' order by z.code""")
                .setParameter(1, zoneType).setParameter(2, period).getResultList();
        return rows.stream().map(row -> new ZoneWithInput((String) row[0], (String) row[1], (String) row[2],
                (String) row[3], row[4] == null ? null : ((Number) row[4]).doubleValue(),
                ((Number) row[5]).intValue())).toList();
    }

    /**
     * The zones of a type, not exited, that have an approved revision for the period whose values have arrived, by
     * code, with that revision (the official basis).
     */
    public List<ZoneWithInput> zonesWithApprovedInput(String zoneType, String period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                        select z.code, z.name, z.province, z.region, z.developed_area_km2, r.revision
                        from zone z join approval a on a.zone_code = z.code and a.period = ?2
                        join revision_input r on r.zone_code = z.code and r.period = ?2 and r.revision = a.revision
                        where z.type = ?1 and z.status <> 'EXITED' order by z.code""")
                .setParameter(1, zoneType).setParameter(2, period).getResultList();
        return rows.stream().map(row -> new ZoneWithInput((String) row[0], (String) row[1], (String) row[2],
                (String) row[3], row[4] == null ? null : ((Number) row[4]).doubleValue(),
                ((Number) row[5]).intValue())).toList();
    }

    /** The periods for which the zone has an input. */
    public List<String> periodsOf(String zone) {
        return em().createQuery("select period from ZonePeriodInput where zoneCode = :zone", String.class)
                .setParameter("zone", zone)
                .getResultList();
    }
}
