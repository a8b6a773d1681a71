package cn.etdz.evaluation.reportcard;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.evaluation.config.EvaluationConfig;
import cn.etdz.evaluation.reportcard.ReportCard.IndicatorAgainstPeers;
import cn.etdz.evaluation.reportcard.ReportCardRepository.IndicatorName;
import cn.etdz.evaluation.scores.ExplanationView;
import cn.etdz.evaluation.scores.ScoreService;
import cn.etdz.evaluation.scores.ScoreView;
import cn.etdz.evaluation.snapshot.Basis;
import cn.etdz.evaluation.scoring.IndicatorExplanation;
import cn.etdz.evaluation.scoring.ZoneType;
import cn.etdz.evaluation.security.Caller;
import cn.etdz.evaluation.targets.TargetService;
import cn.etdz.evaluation.targets.TargetsView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Report cards: reads everything a card shows (scores, explanation, history, peer medians, targets) inside the
 * request, so an unknown zone, a period without scores or a province rule is answered before the first byte; the PDF
 * is drawn while the answer is written. A province's zip holds the data of all its cards and draws one PDF at a time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportCardService {

    /** Indicators listed as strongest and as weakest. */
    static final int INDICATORS_LISTED = 5;
    private static final int CACHED_SNAPSHOTS = 64;
    /** No catalogue entry: a derived indicator, named from the bundle by the renderer, or a custom one, named by its code. */
    private static final IndicatorName UNNAMED = new IndicatorName(null, null, null);

    @Inject
    ScoreService scores;
    @Inject
    TargetService targets;
    @Inject
    ReportCardRepository repository;
    @Inject
    EvaluationConfig config;

    private ReportCardFont font;
    /** Peer medians by snapshot id: snapshots never change, and every card of a peer group needs the same. */
    private final Map<Long, Map<String, Double>> medians = new ConcurrentHashMap<>();

    @PostConstruct
    void findFontLater() {
        font = new ReportCardFont(config.reportCard().font().map(Path::of), ReportCardFont.DEBIAN_FONTS);
    }

    /** One zone's card data; 404 for an unknown zone or a period without its scores, 403 for another province. */
    public ReportCard card(String zone, String period, OffsetDateTime asOf, Caller caller, Basis basis) {
        ExplanationView explanation = scores.explanation(zone, period, asOf, caller, basis);
        return card(explanation, scores.rankingRows(period, explanation.score().zoneType(), null, null, asOf, basis),
                asOf, basis);
    }

    /**
     * The card data of every zone of the province scored in the period, ETDZ first, each by national rank; 404 when
     * none is, 403 for a submitter of another province.
     */
    public List<ReportCard> provinceCards(String province, String period, OffsetDateTime asOf, Caller caller,
                                          Basis basis) {
        caller.requireProvince(province);
        List<ReportCard> cards = new ArrayList<>();
        for (ZoneType type : ZoneType.values()) {
            if (!scores.periods(type.name(), asOf, basis).periods().contains(period)) {
                continue;
            }
            List<ScoreView> ranking = scores.rankingRows(period, type.name(), null, null, asOf, basis);
            for (ScoreView row : ranking) {
                if (row.province().equals(province)) {
                    cards.add(card(scores.explanation(row.zone(), period, asOf, caller, basis), ranking, asOf, basis));
                }
            }
        }
        if (cards.isEmpty()) {
            throw ProblemException.notFound(Message.of("evaluation.report-card.province-none", province, period));
        }
        return cards;
    }

    /** The font file, checked before an answer starts: without one, a 503 problem naming the setting. */
    public Path font() {
        return font.file();
    }

    /** Draws one card into {@code out}, which stays open. */
    public void write(ReportCard card, Locale locale, Path fontFile, OutputStream out) throws IOException {
        ReportCardRenderer.write(card, locale, fontFile, out);
    }

    /** Writes a zip of the cards, one entry {@code <zone code> <zone name>.pdf} each, drawn one after the other. */
    public void writeZip(List<ReportCard> cards, Locale locale, Path fontFile, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (ReportCard card : cards) {
            zip.putNextEntry(new ZipEntry(ReportCardRenderer.fileName(card.score(), locale)));
            ReportCardRenderer.write(card, locale, fontFile, zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    private ReportCard card(ExplanationView explanation, List<ScoreView> ranking, OffsetDateTime asOf, Basis basis) {
        ScoreView score = explanation.score();
        int rankedInType = (int) ranking.stream().filter(ScoreView::ranked).count();
        int rankedInGroup = (int) ranking.stream()
                .filter(row -> row.ranked() && Objects.equals(row.regionGroup(), score.regionGroup())).count();
        List<ScoreView> history = scores.history(score.zone(), asOf, basis).stream()
                .filter(year -> year.period().compareTo(score.period()) <= 0).toList();
        List<IndicatorAgainstPeers> againstPeers = againstPeers(explanation, peerMedians(score.snapshotId()),
                repository.indicatorNames());
        List<IndicatorAgainstPeers> strongest = againstPeers.stream().filter(line -> line.difference() > 0)
                .sorted(Comparator.comparingDouble(IndicatorAgainstPeers::difference).reversed())
                .limit(INDICATORS_LISTED).toList();
        List<IndicatorAgainstPeers> weakest = againstPeers.stream().filter(line -> line.difference() < 0)
                .sorted(Comparator.comparingDouble(IndicatorAgainstPeers::difference))
                .limit(INDICATORS_LISTED).toList();
        TargetsView zoneTargets = targets.targets(ZoneType.valueOf(score.zoneType()), score.period(), false, score.zone(),
                basis);
        return new ReportCard(score, rankedInType, rankedInGroup, history, strongest, weakest,
                zoneTargets.zones().isEmpty() ? List.of() : zoneTargets.zones().get(0).lines());
    }

    /** The zone's scored indicators with the peers' median of the same indicator. */
    static List<IndicatorAgainstPeers> againstPeers(ExplanationView explanation, Map<String, Double> medians,
                                                    Map<String, IndicatorName> names) {
        List<IndicatorAgainstPeers> lines = new ArrayList<>();
        for (IndicatorExplanation indicator : explanation.indicators()) {
            Double median = medians.get(indicator.indicator());
            if (indicator.normalised() == null || median == null) {
                continue;
            }
            IndicatorName name = names.getOrDefault(indicator.indicator(), UNNAMED);
            lines.add(new IndicatorAgainstPeers(indicator.indicator(), name.name(), name.nameEn(), name.unit(),
                    indicator.raw() != null ? indicator.raw() : indicator.derived(), indicator.normalised(), median));
        }
        return lines;
    }

    private Map<String, Double> peerMedians(long snapshotId) {
        Map<String, Double> cached = medians.get(snapshotId);
        if (cached != null) {
            return cached;
        }
        Map<String, Double> computed = Map.copyOf(repository.peerMedians(snapshotId));
        if (medians.size() >= CACHED_SNAPSHOTS) {
            medians.clear();
        }
        medians.put(snapshotId, computed);
        return computed;
    }
}
