package cn.etdz.indicator.submission;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads of the newest accepted revision of zone-periods (the revision {@code zone_period} points to). */
@ApplicationScoped
public class SubmissionQueries {

    private static final String NEWEST_VALUES = """
            select s.zone_code, v.indicator, v.value
            from zone_period zp
            join submission s on s.zone_code = zp.zone_code and s.period = zp.period and s.revision = zp.latest_revision
            join submission_value v on v.submission_id = s.id
            """;

    /** The newest values of these zones for one period: zone → indicator → value. */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Double>> newestValues(Collection<String> zones, String period) {
        Map<String, Map<String, Double>> values = new HashMap<>();
        if (zones.isEmpty()) {
            return values;
        }
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery(NEWEST_VALUES + " where zp.period = :period and zp.zone_code in (:zones)")
                .setParameter("period", period)
                .setParameter("zones", zones)
                .getResultList();
        for (Object[] row : rows) {
            values.computeIfAbsent((String) row[0], zone -> new HashMap<>())
                    .put((String) row[1], ((Number) row[2]).doubleValue());
        }
        return values;
    }

    private record PeerKey(String period, String zoneType) {
    }

    private record Cached(Map<String, Map<String, Double>> values, long loadedAt) {
    }

    /** Peer values are read for every submission but only feed soft checks, so a few seconds' staleness is fine. */
    static final long PEER_CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    private final Map<PeerKey, Cached> peerCache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The newest values of every zone of a type for one period, indicator → zone → value, at most
     * {@link #PEER_CACHE_NANOS} old. The caller gets its own copy to overlay values of the request with.
     */
    public Map<String, Map<String, Double>> peerValues(String period, String zoneType) {
        long now = System.nanoTime();
        Cached cached = peerCache.compute(new PeerKey(period, zoneType), (key, old) ->
                old != null && now - old.loadedAt() < PEER_CACHE_NANOS ? old : new Cached(loadPeerValues(period, zoneType), now));
        Map<String, Map<String, Double>> copy = new HashMap<>();
        cached.values().forEach((indicator, byZone) -> copy.put(indicator, new HashMap<>(byZone)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Double>> loadPeerValues(String period, String zoneType) {
        Map<String, Map<String, Double>> values = new HashMap<>();
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery(NEWEST_VALUES + " join zone z on z.code = zp.zone_code where zp.period = :period and z.type = :type")
                .setParameter("period", period)
                .setParameter("type", zoneType)
                .getResultList();
        for (Object[] row : rows) {
            values.computeIfAbsent((String) row[1], indicator -> new HashMap<>())
                    .put((String) row[0], ((Number) row[2]).doubleValue());
        }
        return values;
    }
}
