package cn.etdz.evaluation.snapshot;

import cn.etdz.common.events.EventTypes;
import cn.etdz.common.events.ScoresPublished;
import cn.etdz.common.outbox.Outbox;
import cn.etdz.evaluation.config.EvaluationConfig;
import cn.etdz.evaluation.methodology.MethodologyRepository;
import cn.etdz.evaluation.methodology.StoredMethodology;
import cn.etdz.evaluation.readmodel.ReadModelRepository;
import cn.etdz.evaluation.scoring.PeerGroupData;
import cn.etdz.evaluation.scoring.PillarCode;
import cn.etdz.evaluation.scoring.Region;
import cn.etdz.evaluation.scoring.RegionGrouping;
import cn.etdz.evaluation.scoring.ScoringEngine;
import cn.etdz.evaluation.scoring.ScoringResult;
import cn.etdz.evaluation.scoring.Zone;
import cn.etdz.evaluation.scoring.ZoneScore;
import cn.etdz.evaluation.scoring.ZoneType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores one peer group (zone type × period) with the type's active methodology on each {@link Basis} and stores each
 * result as a new snapshot, with its {@code scores.v1} event in the outbox, in one transaction. The peer group is every
 * zone of the type that is not {@code EXITED} and has an input for the period. When the inputs of a basis
 * (methodology version, zones with region, province and area, input revisions of the period and of the previous
 * period) are those of its newest snapshot, nothing is stored for it: a replay or an unrelated zone change creates no
 * new snapshot. An official snapshot stored while its period is closed is published at once; one stored after the
 * period's official ranking was published restates the newest published snapshot ({@link Publication}).
 *
 * <p>The flags are computed here, with the methodology's flag rules, from the new rows and the same basis's snapshots
 * of the earlier periods valid now, and stored with each zone's row; the zones of the type that sent nothing for the
 * period are stored with their flags too. The bottom and top places of those earlier periods are part of the inputs:
 * when they change, the period is written again with the flags they give.
 */
@ApplicationScoped
public class SnapshotWriter {

    private static final Logger LOG = Logger.getLogger(SnapshotWriter.class);

    @Inject
    MethodologyRepository methodologies;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper json;
    @Inject
    ReadModelRepository readModel;
    @Inject
    EvaluationConfig config;
    @Inject
    SnapshotFlags snapshotFlags;

    /** The revision of a member without an approved revision on the official basis: not reported. */
    static final int NOT_REPORTED = 0;

    private record Member(String code, String province, Region region, Double area, int revision,
                          Integer previousRevision) {
    }

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    /**
     * Computes and stores the peer group's snapshots, one per {@link Basis}; returns the ids of those stored (none
     * when nothing changed or nothing can be scored).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> compute(String zoneType, String period) {
        // one computation of a peer group at a time, across replicas too
        em().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, zoneType + "/" + period)
                .getSingleResult();
        Optional<StoredMethodology> active = methodologies.active(zoneType);
        if (active.isEmpty()) {
            return List.of();
        }
        List<Long> stored = new ArrayList<>();
        // preliminary first: each basis reads the inputs committed when its own queries run, so the official
        // snapshot of a round never holds fewer zones than the preliminary one a client may already have seen
        for (Basis basis : List.of(Basis.PRELIMINARY, Basis.OFFICIAL)) {
            compute(zoneType, period, active.get(), basis).ifPresent(stored::add);
        }
        if (!stored.isEmpty()) {
            // delivered when this transaction commits: every replica's NewestSnapshots forgets what it knew
            em().createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, NewestSnapshots.CHANNEL)
                    .setParameter(2, zoneType + "/" + period).getSingleResult();
        }
        return stored;
    }

    /**
     * Scores the peer group on one basis. On the official basis only zones with an approved revision are scored (and
     * normalised against each other); the others are stored unranked with revision {@link #NOT_REPORTED}.
     */
    private Optional<Long> compute(String zoneType, String period, StoredMethodology methodology, Basis basis) {
        String previousPeriod = previous(period);
        List<Member> members = members(zoneType, period, previousPeriod, basis);
        List<FlagCalculator.Period> earlier = snapshotFlags.earlier(zoneType, period, null, basis);
        String fingerprint = fingerprint(methodology.key() + places(earlier), members);
        @SuppressWarnings("unchecked")
        List<Object> newest = em().createNativeQuery("""
                        select fingerprint from score_snapshot where zone_type = ?1 and period = ?2 and basis = ?3
                        order by computed_at desc, id desc limit 1""")
                .setParameter(1, zoneType).setParameter(2, period).setParameter(3, basis.code()).getResultList();
        if (newest.isEmpty() ? members.isEmpty() : newest.get(0).equals(fingerprint)) {
            return Optional.empty();
        }
        Map<String, Map<String, Double>> values = values(period, basis);
        Map<String, Map<String, Double>> previousValues = previousPeriod == null ? Map.of() : values(previousPeriod, basis);
        List<Zone> zones = new ArrayList<>();
        List<ZoneScore> notReported = new ArrayList<>();
        RegionGrouping grouping = methodology.methodology().regionGrouping();
        for (Member member : members) {
            if (member.revision() == NOT_REPORTED) {
                notReported.add(new ZoneScore(member.code(), member.region(), grouping.groupOf(member.region()), null,
                        null, null, 0, List.of(), List.of()));
                continue;
            }
            zones.add(new Zone(member.code(), ZoneType.valueOf(zoneType), member.region()));
            // per-land indicators: the registry's developed area when the period reports none (the registry refuses
            // an area that is not a finite, non-negative number; one stored before it did is left out, not scored)
            if (member.area() != null && Double.isFinite(member.area()) && member.area() >= 0) {
                values.computeIfAbsent(member.code(), c -> new HashMap<>()).putIfAbsent("AREA_BUILT", member.area());
            }
        }
        ScoringResult result = ScoringEngine.score(methodology.methodology(),
                new PeerGroupData(zones, values, previousValues));
        List<ZoneScore> scores = new ArrayList<>(result.zones());
        scores.addAll(notReported);
        long id = store(zoneType, period, methodology, fingerprint, members, scores, basis, earlier);
        LOG.debugf("Scored %s %s (%s) with %s: snapshot %d, %d zones", zoneType, period, basis.code(),
                methodology.key(), id, members.size());
        return Optional.of(id);
    }

    private Map<String, Map<String, Double>> values(String period, Basis basis) {
        return basis == Basis.OFFICIAL ? readModel.approvedValues(period, null) : readModel.periodValues(period, null);
    }

    /**
     * The peer group's members with the revisions scored on the basis: every zone of the type, not exited, with any
     * revision for the period; on the official basis its approved revision whose values have arrived, or
     * {@link #NOT_REPORTED}.
     */
    private List<Member> members(String zoneType, String period, String previousPeriod, Basis basis) {
        String query = basis == Basis.PRELIMINARY ? """
                select z.code, z.province, z.region, z.developed_area_km2, i.revision, p.revision
                from zone z
                join zone_period_input i on i.zone_code = z.code and i.period = ?2
                left join zone_period_input p on p.zone_code = z.code and p.period = ?3
                where z.type = ?1 and z.status <> 'EXITED'
                order by z.code""" : """
                select z.code, z.province, z.region, z.developed_area_km2, coalesce(r.revision, 0), pr.revision
                from zone z
                join zone_period_input i on i.zone_code = z.code and i.period = ?2
                left join approval a on a.zone_code = z.code and a.period = ?2
                left join revision_input r on r.zone_code = z.code and r.period = ?2 and r.revision = a.revision
                left join approval pa on pa.zone_code = z.code and pa.period = ?3
                left join revision_input pr on pr.zone_code = z.code and pr.period = ?3 and pr.revision = pa.revision
                where z.type = ?1 and z.status <> 'EXITED'
                order by z.code""";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery(query)
                .setParameter(1, zoneType).setParameter(2, period)
                .setParameter(3, previousPeriod == null ? "" : previousPeriod)
                .getResultList();
        return rows.stream().map(row -> new Member((String) row[0], (String) row[1], Region.valueOf((String) row[2]),
                row[3] == null ? null : ((Number) row[3]).doubleValue(), ((Number) row[4]).intValue(),
                row[5] == null ? null : ((Number) row[5]).intValue())).toList();
    }

    private long store(String zoneType, String period, StoredMethodology methodology, String fingerprint,
                       List<Member> members, List<ZoneScore> scores, Basis basis,
                       List<FlagCalculator.Period> earlier) {
        OffsetDateTime computedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Map<String, Member> byCode = new LinkedHashMap<>();
        members.forEach(member -> byCode.put(member.code(), member));
        Map<String, Integer> groupSizes = new HashMap<>();
        scores.stream().filter(ZoneScore::ranked).forEach(z -> groupSizes.merge(z.regionGroup(), 1, Integer::sum));
        PublicationStatus publication = publicationStatus(zoneType, period, basis);
        RegionGrouping grouping = methodology.methodology().regionGrouping();
        List<NotReported> notReported = notReported(zoneType, period, grouping);
        List<ScoreRow> rows = scores.stream().map(z -> new ScoreRow(0, z.zone(), null, z.region().name(),
                z.regionGroup(), z.composite(), null, null, null, null, null, z.nationalRank(), z.regionRank(),
                groupSizes.getOrDefault(z.regionGroup(), 0), z.coverage(), 0, null)).toList();
        // on the official basis a zone without an approved revision has not reported either, whatever it sent: it
        // stays a row of the table (unranked) and is stored there, not with the zones that sent nothing
        List<NotReported> withoutReport = new ArrayList<>(notReported);
        members.stream().filter(member -> member.revision() == NOT_REPORTED)
                .map(member -> new NotReported(member.code(), member.province(), member.region().name(),
                        grouping.groupOf(member.region())))
                .forEach(withoutReport::add);
        Map<String, Set<Flag>> flags = FlagCalculator.flags(methodology.methodology().flagRules(),
                new FlagCalculator.Period(rows, withoutReport), earlier);
        long[] id = new long[1];
        em().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into score_snapshot (zone_type, period, methodology_id, methodology_version, computed_at,
                        fingerprint, zone_count, ranked_count, basis, published_at, restates)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, zoneType);
                insert.setString(2, period);
                insert.setString(3, methodology.id());
                insert.setInt(4, methodology.version());
                insert.setTimestamp(5, Timestamp.from(computedAt.toInstant()));
                insert.setString(6, fingerprint);
                insert.setInt(7, members.size());
                insert.setInt(8, (int) scores.stream().filter(ZoneScore::ranked).count());
                insert.setString(9, basis.code());
                insert.setTimestamp(10, publication.publishedAtOnce() ? Timestamp.from(computedAt.toInstant()) : null);
                if (publication.restates() == null) {
                    insert.setNull(11, Types.BIGINT);
                } else {
                    insert.setLong(11, publication.restates());
                }
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id[0] = keys.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into zone_score (snapshot_id, zone_code, province, region, region_group, composite, economy,
                        innovation, environment, society, institutions, national_rank, region_rank, region_group_size,
                        coverage, revision, previous_revision, explanation, node_scores, flags)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (ZoneScore score : scores) {
                    Member member = byCode.get(score.zone());
                    insert.setLong(1, id[0]);
                    insert.setString(2, score.zone());
                    insert.setString(3, member.province());
                    insert.setString(4, score.region().name());
                    insert.setString(5, score.regionGroup());
                    setDouble(insert, 6, score.composite());
                    int column = 7;
                    for (PillarCode pillar : PillarCode.values()) {
                        setDouble(insert, column++, score.pillar(pillar).map(p -> p.score()).orElse(null));
                    }
                    setInt(insert, 12, score.nationalRank());
                    setInt(insert, 13, score.regionRank());
                    insert.setInt(14, groupSizes.getOrDefault(score.regionGroup(), 0));
                    insert.setDouble(15, score.coverage());
                    insert.setInt(16, member.revision());
                    setInt(insert, 17, member.previousRevision());
                    insert.setString(18, write(new StoredExplanation(score.pillars(), score.indicators())));
                    insert.setString(19, write(score.nodes()));
                    insert.setString(20, names(flags.get(score.zone())));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into zone_not_reported (snapshot_id, zone_code, province, region, region_group, flags)
                    values (?, ?, ?, ?, ?, ?)""")) {
                for (NotReported zone : notReported) {
                    insert.setLong(1, id[0]);
                    insert.setString(2, zone.zone());
                    insert.setString(3, zone.province());
                    insert.setString(4, zone.region());
                    insert.setString(5, zone.regionGroup());
                    insert.setString(6, names(flags.get(zone.zone())));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        outbox.append(new Outbox.Entry(config.outbox().scoresTopic(), zoneType + "/" + period,
                EventTypes.SCORES_PUBLISHED, zoneType + "/" + period, ScoresPublished.SCHEMA_VERSION,
                new ScoresPublished(id[0], zoneType, period, methodology.id(), methodology.version(), computedAt,
                        scores.stream().map(z -> new ScoresPublished.ZoneResult(z.zone(), z.composite(),
                                z.nationalRank(), z.regionRank(), z.coverage(), byCode.get(z.zone()).revision(),
                                flagList(flags.get(z.zone())))).toList(),
                        basis.code(), notReported.stream().map(zone -> new ScoresPublished.NotReportedZone(zone.zone(),
                                flagList(flags.get(zone.zone())))).toList())));
        return id[0];
    }

    /** The zones of the type, not exited, without an input for the period. */
    private List<NotReported> notReported(String zoneType, String period, RegionGrouping grouping) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                        select z.code, z.province, z.region from zone z
                        where z.type = ?1 and z.status <> 'EXITED' and not exists (
                            select 1 from zone_period_input i where i.zone_code = z.code and i.period = ?2)
                        order by z.code""")
                .setParameter(1, zoneType).setParameter(2, period).getResultList();
        return rows.stream().map(row -> new NotReported((String) row[0], (String) row[1], (String) row[2],
                grouping.groupOf(Region.valueOf((String) row[2])))).toList();
    }

    /** Stored flags: names separated by a space, empty for none. */
    private static List<String> flagList(Set<Flag> flags) {
        return flags == null ? List.of() : flags.stream().map(Flag::name).toList();
    }

    private static String names(Set<Flag> flags) {
        return String.join(" ", flagList(flags));
    }

    /** The bottom and top places the flags read from the earlier periods, as text for the fingerprint. */
    private static String places(List<FlagCalculator.Period> earlier) {
        StringBuilder text = new StringBuilder();
        for (FlagCalculator.Period period : earlier) {
            text.append("\n#");
            period.rows().forEach(row -> text.append(row.zone()).append('|').append(row.regionGroup()).append('|')
                    .append(row.nationalRank()).append('|').append(row.regionRank()).append('|')
                    .append(row.regionGroupSize()).append(';'));
            period.notReported().forEach(zone -> text.append(zone.zone()).append('|').append(zone.regionGroup())
                    .append(';'));
        }
        return text.toString();
    }

    /**
     * How a new snapshot of the basis stands to publication: whether it is published as it is stored (an official
     * snapshot of a closed period), and which published official snapshot it restates (the newest; null when the
     * period's official ranking was never published).
     */
    private record PublicationStatus(boolean publishedAtOnce, Long restates) {
    }

    private PublicationStatus publicationStatus(String zoneType, String period, Basis basis) {
        if (basis != Basis.OFFICIAL) {
            return new PublicationStatus(false, null);
        }
        @SuppressWarnings("unchecked")
        List<Object> closed = em().createNativeQuery("select state from period_state where period = ?1")
                .setParameter(1, period).getResultList();
        @SuppressWarnings("unchecked")
        List<Object> published = em().createNativeQuery("""
                        select id from score_snapshot where zone_type = ?1 and period = ?2 and basis = 'official'
                          and published_at is not null
                        order by computed_at desc, id desc limit 1""")
                .setParameter(1, zoneType).setParameter(2, period).getResultList();
        return new PublicationStatus(closed.stream().anyMatch("CLOSED"::equals),
                published.stream().findFirst().map(id -> ((Number) id).longValue()).orElse(null));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Explanation cannot be serialised", e);
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws java.sql.SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws java.sql.SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** The previous year, for growth rates; {@code null} when the period is not a year. */
    static String previous(String period) {
        try {
            return Integer.toString(Integer.parseInt(period) - 1);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fingerprint(String methodologyKey, List<Member> members) {
        StringBuilder text = new StringBuilder(methodologyKey);
        for (Member member : members) {
            text.append('\n').append(member.code()).append('|').append(member.province()).append('|')
                    .append(member.region()).append('|').append(member.area()).append('|')
                    .append(member.revision()).append('|').append(member.previousRevision());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
