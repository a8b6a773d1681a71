package cn.etdz.evaluation.snapshot;

import cn.etdz.common.jdbc.SqlTimes;
import cn.etdz.evaluation.scoring.NodeScore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads stored snapshots: the one valid at a time, its rows, one zone's explanation. */
@ApplicationScoped
public class SnapshotRepository {

    private static final String ROW_COLUMNS = """
            select snapshot_id, zone_code, province, region, region_group, composite, economy, innovation, environment,
                   society, institutions, national_rank, region_rank, region_group_size, coverage, revision,
                   previous_revision, node_scores from zone_score
            """;

    private static final TypeReference<List<NodeScore>> NODE_SCORES = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    private static final String SNAPSHOT_COLUMNS = """
            select id, zone_type, period, methodology_id || '@' || methodology_version, computed_at, zone_count,
                   ranked_count, basis, published_at, restates
            """;

    /** The preliminary snapshot of a peer group valid at {@code asOf} (the newest computed at or before it). */
    public Optional<SnapshotInfo> at(String zoneType, String period, OffsetDateTime asOf) {
        return at(zoneType, period, asOf, Basis.PRELIMINARY);
    }

    /** The snapshot of a peer group on a basis valid at {@code asOf} (the newest computed at or before it). */
    public Optional<SnapshotInfo> at(String zoneType, String period, OffsetDateTime asOf, Basis basis) {
        return atEach(zoneType, List.of(period), asOf, basis).values().stream().findFirst();
    }

    /**
     * For each of the periods, the snapshot of the peer group on the basis valid at {@code asOf}; periods without one
     * are absent. One query for the three periods a ranking's flags need.
     */
    public Map<String, SnapshotInfo> atEach(String zoneType, List<String> periods, OffsetDateTime asOf, Basis basis) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                        select distinct on (period) id, zone_type, period, methodology_id || '@' || methodology_version,
                               computed_at, zone_count, ranked_count, basis, published_at, restates
                        from score_snapshot where zone_type = ?1 and period in (?2) and basis = ?3 and computed_at <= ?4
                        order by period, computed_at desc, id desc""")
                .setParameter(1, zoneType).setParameter(2, periods).setParameter(3, basis.code())
                .setParameter(4, Timestamp.from(asOf == null ? Instant.now().plusSeconds(3600) : asOf.toInstant()))
                .getResultList();
        Map<String, SnapshotInfo> snapshots = new HashMap<>();
        for (Object[] row : rows) {
            SnapshotInfo snapshot = snapshot(row);
            snapshots.put(snapshot.period(), snapshot);
        }
        return snapshots;
    }

    /** The periods of a zone type that had a snapshot on the basis at {@code asOf}, oldest first. */
    public List<String> periods(String zoneType, OffsetDateTime asOf, Basis basis) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em().createNativeQuery("""
                        select distinct period from score_snapshot where zone_type = ?1 and basis = ?2
                          and computed_at <= ?3
                        order by period""")
                .setParameter(1, zoneType).setParameter(2, basis.code())
                .setParameter(3, Timestamp.from(asOf == null ? Instant.now().plusSeconds(3600) : asOf.toInstant()))
                .getResultList();
        return rows.stream().map(Object::toString).toList();
    }

    /** The official snapshots of a peer group that restate a published one, oldest first. */
    public List<SnapshotInfo> restatements(String zoneType, String period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery(SNAPSHOT_COLUMNS + """
                        from score_snapshot where zone_type = ?1 and period = ?2 and basis = 'official'
                          and restates is not null
                        order by computed_at, id""")
                .setParameter(1, zoneType).setParameter(2, period).getResultList();
        return rows.stream().map(SnapshotRepository::snapshot).toList();
    }

    /** One snapshot by id. */
    public Optional<SnapshotInfo> snapshot(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery(SNAPSHOT_COLUMNS + "from score_snapshot where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(SnapshotRepository::snapshot);
    }

    private static SnapshotInfo snapshot(Object[] row) {
        return new SnapshotInfo(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                SqlTimes.utc(row[4]), ((Number) row[5]).intValue(), ((Number) row[6]).intValue(), (String) row[7],
                row[8] == null ? null : SqlTimes.utc(row[8]), row[9] == null ? null : ((Number) row[9]).longValue());
    }

    /** Every zone of a snapshot: ranked by national rank and code, then unranked by code. */
    public List<ScoreRow> rows(long snapshotId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery(ROW_COLUMNS
                        + "where snapshot_id = ?1 order by national_rank nulls last, zone_code")
                .setParameter(1, snapshotId).getResultList();
        return rows.stream().map(this::row).toList();
    }

    public Optional<ScoreRow> row(long snapshotId, String zone) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery(ROW_COLUMNS + "where snapshot_id = ?1 and zone_code = ?2")
                .setParameter(1, snapshotId).setParameter(2, zone).getResultList();
        return rows.stream().findFirst().map(this::row);
    }

    public Optional<StoredExplanation> explanation(long snapshotId, String zone) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em().createNativeQuery(
                        "select explanation from zone_score where snapshot_id = ?1 and zone_code = ?2")
                .setParameter(1, snapshotId).setParameter(2, zone).getResultList();
        return rows.stream().findFirst().map(text -> {
            try {
                return json.readValue(text.toString(), StoredExplanation.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored explanation cannot be read", e);
            }
        });
    }

    private ScoreRow row(Object[] r) {
        return new ScoreRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                dbl(r[5]), dbl(r[6]), dbl(r[7]), dbl(r[8]), dbl(r[9]), dbl(r[10]), integer(r[11]), integer(r[12]),
                ((Number) r[13]).intValue(), ((Number) r[14]).doubleValue(), ((Number) r[15]).intValue(),
                integer(r[16]), nodes(r[17]));
    }

    private List<NodeScore> nodes(Object text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text.toString(), NODE_SCORES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored node scores cannot be read", e);
        }
    }

    private static Double dbl(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    /**
     * The flags stored with a snapshot, of its scored zones and of those that did not report; empty for a snapshot
     * written before flags were stored with snapshots.
     */
    public Optional<Map<String, Set<Flag>>> storedFlags(long snapshotId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                        select zone_code, flags from zone_score where snapshot_id = ?1
                        union all select zone_code, flags from zone_not_reported where snapshot_id = ?1""")
                .setParameter(1, snapshotId).getResultList();
        Map<String, Set<Flag>> flags = new LinkedHashMap<>();
        for (Object[] row : rows) {
            if (row[1] == null) {
                return Optional.empty();
            }
            Set<Flag> zoneFlags = EnumSet.noneOf(Flag.class);
            for (String name : row[1].toString().split(" ")) {
                if (!name.isEmpty()) {
                    zoneFlags.add(Flag.valueOf(name));
                }
            }
            flags.put((String) row[0], zoneFlags);
        }
        return Optional.of(flags);
    }

    /** The zones of the type that had sent nothing for the period when the snapshot was written, by code. */
    public List<NotReported> notReported(long snapshotId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                        select zone_code, province, region, region_group from zone_not_reported where snapshot_id = ?1
                        order by zone_code""")
                .setParameter(1, snapshotId).getResultList();
        return rows.stream().map(r -> new NotReported((String) r[0], (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    /** A snapshot's ranking as the flag rules read it; {@link FlagCalculator.Period#NONE} without a snapshot. */
    public FlagCalculator.Period period(SnapshotInfo snapshot) {
        return snapshot == null ? FlagCalculator.Period.NONE
                : new FlagCalculator.Period(rows(snapshot.id()), notReported(snapshot.id()));
    }
}

