package cn.etdz.evaluation.scores;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.api.Paging;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.evaluation.methodology.MethodologyRepository;
import cn.etdz.evaluation.readmodel.ZoneDirectory;
import cn.etdz.evaluation.readmodel.ZoneDirectory.ZoneInfo;
import cn.etdz.evaluation.security.Caller;
import cn.etdz.evaluation.snapshot.Flag;
import cn.etdz.evaluation.snapshot.Basis;
import cn.etdz.evaluation.snapshot.NewestSnapshots;
import cn.etdz.evaluation.snapshot.NotReported;
import cn.etdz.evaluation.snapshot.ScoreRow;
import cn.etdz.evaluation.snapshot.SnapshotFlags;
import cn.etdz.evaluation.snapshot.SnapshotInfo;
import cn.etdz.evaluation.snapshot.SnapshotRepository;
import cn.etdz.evaluation.snapshot.StoredExplanation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads rankings, a zone's scores, explanations and flags from stored snapshots. Every read names a time
 * ({@code asOf}, default now) and uses, per peer group and period, the snapshot valid at that time, so a ranking as
 * published can be read again later. Flags are those stored with each snapshot when it was written
 * ({@link SnapshotFlags}). Snapshots are never updated, so a ranking with its flags is a pure function of the two
 * snapshot ids it reads (the period's and the previous period's, for the previous ranks) and is cached by them;
 * which snapshots are the newest is known in memory ({@link NewestSnapshots}), so a query for the current ranking costs
 * no database round trip once the ranking has been read, and its JSON is kept too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ScoreService {

    @Inject
    SnapshotRepository snapshots;
    @Inject
    SnapshotFlags snapshotFlags;

    private static final int CACHED_RANKINGS = 64;

    @Inject
    ZoneDirectory directory;
    @Inject
    NewestSnapshots newest;
    @Inject
    MethodologyRepository methodologies;
    @Inject
    ObjectMapper json;

    private final Map<List<Long>, Ranking> cache = new ConcurrentHashMap<>();
    /** Pages of rankings as JSON, by the ranking's snapshot ids and the query; each valid for one zone directory. */
    private final Map<List<Object>, RankingJson> pages = new ConcurrentHashMap<>();

    /**
     * A page of a ranking as the API sends it, with an entity tag of its content, and the same bytes gzip-compressed
     * for clients that accept it (a 250-zone page is about 135 KB, about 10 % of that compressed).
     *
     * @param zones the zone directory the names came from; the page is stale once the directory is reloaded
     */
    public record RankingJson(byte[] body, byte[] gzipped, String etag, Map<String, ZoneInfo> zones) {
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 8);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    /**
     * A period's ranking with its flags, read from one snapshot, and the national ranks of the previous period's
     * snapshot (zones ranked then).
     *
     * @param notReported the zones that sent nothing for the period, flagged but not ranked
     */
    private record Ranking(List<Long> key, SnapshotInfo snapshot, List<ScoreRow> rows, Map<String, Set<Flag>> flags,
                           Map<String, Integer> previousRanks, List<NotReported> notReported) {
    }

    /**
     * The rows a ranking query asks for.
     *
     * @param sort   one of {@link RankingOrder#VALUES}; {@code null} for the national order
     * @param search text the zone's code, Chinese or English name contains, ignoring case; {@code null} for all
     */
    public record RankingQuery(String region, String province, String sort, String search, int page, int size) {

        public RankingQuery {
            sort = RankingOrder.DEFAULT.equals(sort) ? null : sort;
            search = search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
        }

        boolean matches(ScoreView score) {
            return (region == null || region.equals(score.region()))
                    && (province == null || province.equals(score.province()))
                    && (search == null || contains(score.zone()) || contains(score.name()) || contains(score.nameEn()));
        }

        private boolean contains(String text) {
            return text != null && text.toLowerCase(Locale.ROOT).contains(search);
        }
    }

    private RankingView view(Ranking ranking, RankingQuery query, Map<String, ZoneInfo> zones) {
        if (query.sort() != null) {
            RankingOrder.node(query.sort()).ifPresent(code -> requireTopLevelNode(ranking.snapshot(), code));
        }
        int page = query.page();
        int size = query.size();
        Stream<ScoreView> rows = ranking.rows().stream()
                .map(row -> view(row, ranking, zones))
                .filter(query::matches);
        // the snapshot's rows come in the national order already
        List<ScoreView> matching = query.sort() == null ? rows.toList()
                : rows.sorted(RankingOrder.of(query.sort())).toList();
        int from = (int) Math.min(Paging.firstRow(page, size), matching.size());
        return new RankingView(ranking.snapshot(), matching.subList(from, Math.min(from + size, matching.size())),
                page, size, matching.size());
    }

    /** Refuses (400) a sort by a node that is not a top-level node of the snapshot's methodology. */
    private void requireTopLevelNode(SnapshotInfo snapshot, String code) {
        String key = snapshot.methodology();
        boolean known = methodologies.byKey(key)
                .map(stored -> stored.methodology().tree().stream().anyMatch(node -> node.code().equals(code)))
                .orElse(false);
        if (!known) {
            throw ProblemException.badRequest(Message.of("common.query.detail"), List.of(new Violation("sort",
                    "unknown-node", Message.of("evaluation.scores.sort-node", code, key))));
        }
    }

    /**
     * One page of a peer group's ranking table as JSON. A ranking is a pure function of its snapshots (never updated)
     * and the zone names, so each page is serialised once and then sent as it is: 250 rows of JSON were most of a
     * ranking query's cost. Searched pages are computed per request and not kept: each keystroke of a search box
     * asks for another, and they would push the pages everyone reads out of the cache.
     */
    public RankingJson rankingJson(String period, String zoneType, RankingQuery query, OffsetDateTime asOf,
                                   Basis basis) {
        Ranking ranking = rankingAt(zoneType, period, asOf, basis).orElseThrow(() -> ProblemException.notFound(asOf == null
                ? Message.of("evaluation.scores.none", zoneType, period)
                : Message.of("evaluation.scores.none-as-of", zoneType, period, asOf)));
        Map<String, ZoneInfo> zones = zones();
        List<Object> key = Arrays.asList(ranking.key(), query);
        RankingJson cached = pages.get(key);
        if (cached != null && cached.zones() == zones) {
            return cached;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(view(ranking, query, zones));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Ranking cannot be serialised", e);
        }
        RankingJson fresh = new RankingJson(body, gzip(body), etag(body), zones);
        if (query.search() != null) {
            return fresh;
        }
        if (pages.size() >= CACHED_RANKINGS) {
            pages.clear();
        }
        pages.put(key, fresh);
        return fresh;
    }

    /**
     * Every row of a peer group's ranking matching the filters, in the ranking's order, for an export. The ranking is
     * the one the cache holds for {@link #rankingJson} anyway (a few hundred rows per peer group and period).
     */
    public List<ScoreView> rankingRows(String period, String zoneType, String region, String province,
                                       OffsetDateTime asOf, Basis basis) {
        Ranking ranking = rankingAt(zoneType, period, asOf, basis).orElseThrow(() -> ProblemException.notFound(asOf == null
                ? Message.of("evaluation.scores.none", zoneType, period)
                : Message.of("evaluation.scores.none-as-of", zoneType, period, asOf)));
        return view(ranking, new RankingQuery(region, province, null, null, 0, Integer.MAX_VALUE), zones()).items();
    }

    private static String etag(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The periods with a snapshot of the zone type on the basis at {@code asOf}, oldest first. */
    public ScoredPeriods periods(String zoneType, OffsetDateTime asOf, Basis basis) {
        return new ScoredPeriods(zoneType, snapshots.periods(zoneType, asOf, basis));
    }

    /** The zone's scores in every period that has any, oldest first. */
    public List<ScoreView> history(String zone, OffsetDateTime asOf, Basis basis) {
        ZoneInfo info = zone(zone);
        List<ScoreView> history = new ArrayList<>();
        for (String period : snapshots.periods(info.type(), asOf, basis)) {
            rankingAt(info.type(), period, asOf, basis).ifPresent(ranking -> ranking.rows().stream()
                    .filter(row -> row.zone().equals(zone)).findFirst()
                    .ifPresent(row -> history.add(view(row, ranking, zones()))));
        }
        return history;
    }

    /**
     * Refuses (403) a submitter or reviewer the preliminary scores of another province's zone; an unknown zone is 404
     * as everywhere.
     */
    public void requireVisible(String zone, Basis basis, Caller caller) {
        String province = zone(zone).province();
        Bases.preliminaryProvince(caller, basis).ifPresent(own -> caller.requireProvince(province));
    }

    public ScoreView score(String zone, String period, OffsetDateTime asOf, Basis basis) {
        ZoneInfo info = zone(zone);
        Ranking ranking = rankingAt(info.type(), period, asOf, basis).orElseThrow(() -> notScored(zone, period, asOf));
        ScoreRow row = ranking.rows().stream().filter(r -> r.zone().equals(zone)).findFirst()
                .orElseThrow(() -> notScored(zone, period, asOf));
        return view(row, ranking, zones());
    }

    public ExplanationView explanation(String zone, String period, OffsetDateTime asOf, Caller caller, Basis basis) {
        ZoneInfo info = zone(zone);
        caller.requireProvince(info.province());
        ScoreView score = score(zone, period, asOf, basis);
        caller.requireProvince(score.province());
        StoredExplanation explanation = snapshots.explanation(score.snapshotId(), zone).orElseThrow();
        ScoreRow row = snapshots.row(score.snapshotId(), zone).orElseThrow();
        List<ExplanationView.SourceRevision> sources = new ArrayList<>();
        if (row.revision() > 0) { // 0: no approved revision on the official basis
            sources.add(new ExplanationView.SourceRevision(period, row.revision()));
        }
        if (row.previousRevision() != null) {
            sources.add(new ExplanationView.SourceRevision(Integer.toString(Integer.parseInt(period) - 1),
                    row.previousRevision()));
        }
        return new ExplanationView(score, explanation.pillars(), explanation.indicators(), sources);
    }

    /**
     * Every flagged zone of the period, of one or both zone types: the ranking's in its order, then those that did not
     * report (without scores or ranks, revision 0).
     */
    public List<ScoreView> flagged(String period, String zoneType, OffsetDateTime asOf, Basis basis) {
        List<ScoreView> flagged = new ArrayList<>();
        Map<String, ZoneInfo> zones = zones();
        for (String type : zoneType == null ? List.of("ETDZ", "BECZ") : List.of(zoneType)) {
            rankingAt(type, period, asOf, basis).ifPresent(ranking -> {
                ranking.rows().stream()
                        .filter(row -> !ranking.flags().get(row.zone()).isEmpty())
                        .forEach(row -> flagged.add(view(row, ranking, zones)));
                ranking.notReported().forEach(zone -> flagged.add(view(zone, ranking, zones)));
            });
        }
        return flagged;
    }

    private Optional<Ranking> rankingAt(String zoneType, String period, OffsetDateTime asOf, Basis basis) {
        String previous = Integer.toString(Integer.parseInt(period) - 1);
        List<String> periods = List.of(period, previous);
        Map<String, SnapshotInfo> snapshots = asOf == null ? newest.newest(zoneType, periods, basis)
                : this.snapshots.atEach(zoneType, periods, asOf, basis);
        SnapshotInfo snapshot = snapshots.get(period);
        if (snapshot == null) {
            return Optional.empty();
        }
        // the publication time is the one thing of a snapshot that changes (when its period closes)
        List<Long> key = List.of(snapshot.id(), id(snapshots.get(previous)),
                snapshot.publishedAt() == null ? 0 : snapshot.publishedAt().toInstant().toEpochMilli());
        Ranking cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<ScoreRow> rows = this.snapshots.rows(snapshot.id());
        List<ScoreRow> previousRows = rows(snapshots.get(previous));
        Map<String, Integer> previousRanks = new HashMap<>();
        previousRows.stream().filter(row -> row.nationalRank() != null)
                .forEach(row -> previousRanks.put(row.zone(), row.nationalRank()));
        Ranking ranking = new Ranking(key, snapshot, rows, snapshotFlags.of(snapshot), previousRanks,
                this.snapshots.notReported(snapshot.id()));
        if (cache.size() >= CACHED_RANKINGS) {
            cache.clear();
        }
        cache.put(key, ranking);
        return Optional.of(ranking);
    }

    /**
     * The restatements of a peer group's published official ranking, oldest first: each official snapshot stored after
     * publication, against the published snapshot it restates, with the zones whose composite, ranks, flags or scored
     * revision differ between the two.
     */
    public RestatementsView restatements(String zoneType, String period) {
        Map<String, ZoneInfo> zones = zones();
        List<RestatementsView.Restatement> restatements = new ArrayList<>();
        for (SnapshotInfo restatement : snapshots.restatements(zoneType, period)) {
            SnapshotInfo published = snapshots.snapshot(restatement.restatementOf()).orElseThrow();
            Map<String, ScoreView> before = new HashMap<>();
            Ranking publishedRanking = officialRanking(published);
            publishedRanking.rows().forEach(row -> before.put(row.zone(), view(row, publishedRanking, zones)));
            Ranking restated = officialRanking(restatement);
            Map<String, ScoreView> after = new HashMap<>();
            restated.rows().forEach(row -> after.put(row.zone(), view(row, restated, zones)));
            Set<String> codes = new TreeSet<>(before.keySet());
            codes.addAll(after.keySet());
            List<RestatementsView.RestatedZone> changes = new ArrayList<>();
            for (String code : codes) {
                RestatementsView.RestatedZone change = RestatementsView.RestatedZone.of(code, zones.get(code),
                        before.get(code), after.get(code));
                if (change.changed()) {
                    changes.add(change);
                }
            }
            restatements.add(new RestatementsView.Restatement(restatement, published, changes));
        }
        return new RestatementsView(zoneType, period, restatements);
    }

    /** The ranking of an official snapshot, with the flags of the official snapshots valid when it was computed. */
    private Ranking officialRanking(SnapshotInfo snapshot) {
        return rankingAt(snapshot.zoneType(), snapshot.period(), snapshot.computedAt(), Basis.OFFICIAL)
                .filter(ranking -> ranking.snapshot().id() == snapshot.id())
                .orElseThrow(() -> new IllegalStateException("snapshot " + snapshot.id() + " is not valid at its own time"));
    }

    private static long id(SnapshotInfo snapshot) {
        return snapshot == null ? 0 : snapshot.id();
    }

    private List<ScoreRow> rows(SnapshotInfo snapshot) {
        return snapshot == null ? List.of() : snapshots.rows(snapshot.id());
    }

    private ScoreView view(ScoreRow row, Ranking ranking, Map<String, ZoneInfo> zones) {
        SnapshotInfo snapshot = ranking.snapshot();
        ZoneInfo info = zones.get(row.zone());
        return new ScoreView(row.zone(), info == null ? null : info.name(), info == null ? null : info.nameEn(),
                snapshot.zoneType(), row.province(), row.region(), row.regionGroup(), snapshot.period(), row.composite(),
                new ScoreView.Pillars(row.economy(), row.innovation(), row.environment(), row.society(),
                        row.institutions()),
                row.nationalRank(), ranking.previousRanks().get(row.zone()), row.regionRank(), row.coverage(), row.ranked(),
                names(ranking.flags().get(row.zone())), row.revision(), snapshot.id(),
                snapshot.methodology(), snapshot.computedAt(), row.nodes(), snapshot.basis(), snapshot.publishedAt(),
                snapshot.restatementOf());
    }

    /** A zone that did not report: its flags, no scores, no ranks, revision 0. */
    private ScoreView view(NotReported zone, Ranking ranking, Map<String, ZoneInfo> zones) {
        SnapshotInfo snapshot = ranking.snapshot();
        ZoneInfo info = zones.get(zone.zone());
        return new ScoreView(zone.zone(), info == null ? null : info.name(), info == null ? null : info.nameEn(),
                snapshot.zoneType(), zone.province(), zone.region(), zone.regionGroup(), snapshot.period(), null,
                new ScoreView.Pillars(null, null, null, null, null), null, ranking.previousRanks().get(zone.zone()),
                null, 0, false, names(ranking.flags().getOrDefault(zone.zone(), Set.of())), 0, snapshot.id(),
                snapshot.methodology(), snapshot.computedAt(), null, snapshot.basis(), snapshot.publishedAt(),
                snapshot.restatementOf());
    }

    private static List<String> names(Set<Flag> flags) {
        return flags.stream().map(Flag::name).toList();
    }

    private ZoneInfo zone(String code) {
        ZoneInfo info = zones().get(code);
        if (info == null) {
            throw ProblemException.notFound(Message.of("evaluation.zone.unknown", code));
        }
        return info;
    }

    private Map<String, ZoneInfo> zones() {
        return directory.all();
    }

    private static ProblemException notScored(String zone, String period, OffsetDateTime asOf) {
        return ProblemException.notFound(asOf == null ? Message.of("evaluation.scores.zone-none", zone, period)
                : Message.of("evaluation.scores.zone-none-as-of", zone, period, asOf));
    }
}
