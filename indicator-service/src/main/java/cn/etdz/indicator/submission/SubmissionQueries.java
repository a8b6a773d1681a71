package cn.etdz.indicator.submission;

import cn.etdz.indicator.zone.ZoneType;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
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

    /**
     * The newest values of these zones for one period: zone → indicator → value. Plain JDBC with an array parameter:
     * Hibernate rewrote the in-list query for every call. One zone (a single submission) is looked up by equality:
     * PostgreSQL plans this join afresh for nearly every execution, and planning it with a one-element array took 0.6 ms
     * of a single submission's 1.4 ms of database CPU under load, with equality 0.2 ms (pg_stat_statements with
     * track_planning, 20 concurrent clients).
     */
    public Map<String, Map<String, Double>> newestValues(Collection<String> zones, String period) {
        Map<String, Map<String, Double>> values = new HashMap<>();
        if (zones.isEmpty()) {
            return values;
        }
        boolean one = zones.size() == 1;
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    NEWEST_VALUES + " where zp.period = ? and zp.zone_code = " + (one ? "?" : "any(?)"))) {
                select.setString(1, period);
                if (one) {
                    select.setString(2, zones.iterator().next());
                } else {
                    select.setArray(2, connection.createArrayOf("varchar", zones.toArray()));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        values.computeIfAbsent(rows.getString(1), zone -> new HashMap<>())
                                .put(rows.getString(2), rows.getDouble(3));
                    }
                }
            }
        });
        return values;
    }

    /**
     * Code, type and province of these zones, by code; unknown codes are absent. Plain JDBC with an array parameter:
     * Hibernate translated an in-list query afresh for every call and loaded whole entities into the session.
     */
    public Map<String, SubmissionRules.ZoneFacts> zoneFacts(Collection<String> codes) {
        Map<String, SubmissionRules.ZoneFacts> facts = new HashMap<>();
        if (codes.isEmpty()) {
            return facts;
        }
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select code, type, province from zone where code = any(?)")) {
                select.setArray(1, connection.createArrayOf("varchar", codes.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        facts.put(rows.getString(1), new SubmissionRules.ZoneFacts(rows.getString(1),
                                ZoneType.valueOf(rows.getString(2)), rows.getString(3)));
                    }
                }
            }
        });
        return facts;
    }

    /**
     * Locks the counter rows of these zone-periods ({@code zone|period} keys) until the transaction ends, in key order
     * as {@link SubmissionWriter} claims them, and returns the values of each one's newest revision in their stored
     * order; a zone-period without revisions is absent. An amendment is resolved against what this returns, and no
     * other revision of its zone-period can be stored in between.
     */
    Map<String, List<SubmissionRequest.Value>> lockNewestRevisions(Collection<String> keys) {
        Map<String, List<SubmissionRequest.Value>> newest = new HashMap<>();
        if (keys.isEmpty()) {
            return newest;
        }
        String[] zones = keys.stream().map(key -> key.substring(0, key.indexOf('|'))).toArray(String[]::new);
        String[] periods = keys.stream().map(key -> key.substring(key.indexOf('|') + 1)).toArray(String[]::new);
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            List<String> lockedZones = new ArrayList<>();
            List<String> lockedPeriods = new ArrayList<>();
            List<Integer> revisions = new ArrayList<>();
            try (PreparedStatement lock = connection.prepareStatement("""
                    select zp.zone_code, zp.period, zp.latest_revision from zone_period zp
                    join unnest(?::varchar[], ?::varchar[]) as t(z, p) on zp.zone_code = t.z and zp.period = t.p
                    order by zp.zone_code, zp.period for update of zp""")) {
                lock.setArray(1, connection.createArrayOf("varchar", zones));
                lock.setArray(2, connection.createArrayOf("varchar", periods));
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        lockedZones.add(rows.getString(1));
                        lockedPeriods.add(rows.getString(2));
                        revisions.add(rows.getInt(3));
                    }
                }
            }
            if (revisions.isEmpty()) {
                return;
            }
            // a statement of its own: one that waited for the lock still reads with the snapshot it started with, in
            // which the revision stored by the transaction it waited for is not there yet
            try (PreparedStatement select = connection.prepareStatement("""
                    select s.zone_code, s.period, v.indicator, v.value, v.provisional, v.note
                    from unnest(?::varchar[], ?::varchar[], ?::int[]) as t(z, p, r)
                    join submission s on s.zone_code = t.z and s.period = t.p and s.revision = t.r
                    join submission_value v on v.submission_id = s.id
                    order by s.zone_code, s.period, v.position""")) {
                select.setArray(1, connection.createArrayOf("varchar", lockedZones.toArray()));
                select.setArray(2, connection.createArrayOf("varchar", lockedPeriods.toArray()));
                select.setArray(3, connection.createArrayOf("int4", revisions.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        newest.computeIfAbsent(rows.getString(1) + "|" + rows.getString(2), key -> new ArrayList<>())
                                .add(new SubmissionRequest.Value(rows.getString(3), rows.getDouble(4), null,
                                        rows.getBoolean(5), rows.getString(6)));
                    }
                }
            }
        });
        return newest;
    }

    private record PeerKey(String period, String zoneType) {
    }

    /**
     * The newest values of a peer group, indicator → zone → value, with each indicator's sorted sample for the outlier
     * check built once (on first use) rather than for every submission.
     */
    static final class PeerGroup {
        private final Map<String, Map<String, Double>> values;
        private final Map<String, Plausibility.PeerSample> samples = new java.util.concurrent.ConcurrentHashMap<>();

        PeerGroup(Map<String, Map<String, Double>> values) {
            this.values = values;
        }

        Plausibility.PeerSample sample(String indicator, boolean logScale) {
            return samples.computeIfAbsent(indicator,
                    code -> Plausibility.PeerSample.of(values.getOrDefault(code, Map.of()), logScale));
        }
    }

    private record Cached(PeerGroup group, long loadedAt) {
    }

    /** Peer values are read for every submission but only feed soft checks, so a few seconds' staleness is fine. */
    static final long PEER_CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    private final Map<PeerKey, Cached> peerCache = new java.util.concurrent.ConcurrentHashMap<>();

    /** The newest values of every zone of a type for one period, at most {@link #PEER_CACHE_NANOS} old. */
    PeerGroup peerGroup(String period, String zoneType) {
        long now = System.nanoTime();
        return peerCache.compute(new PeerKey(period, zoneType), (key, old) -> old != null
                && now - old.loadedAt() < PEER_CACHE_NANOS ? old : new Cached(new PeerGroup(loadPeerValues(period, zoneType)), now))
                .group();
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
