package cn.etdz.evaluation.analysis;

import cn.etdz.evaluation.scoring.FlagPreset;
import cn.etdz.evaluation.scoring.FlagRules;
import cn.etdz.evaluation.scoring.Aggregation;
import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.Normalisation;
import cn.etdz.evaluation.scoring.PeerGroupData;
import cn.etdz.evaluation.scoring.ReplicationScorer;
import cn.etdz.evaluation.scoring.ScoringEngine;
import cn.etdz.evaluation.scoring.ScoringResult;
import cn.etdz.evaluation.scoring.Zone;
import cn.etdz.evaluation.scoring.ZoneScore;
import cn.etdz.evaluation.scoring.ZoneType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyses score through {@link ReplicationScorer}; on the same seed they give exactly what they give through the
 * full {@link ScoringEngine#score}, which is the reference here: every replication's ranks and flags, and the whole
 * uncertainty and sensitivity results.
 */
class ScoresOnlyPathTest {

    private static final ForkJoinPool WORKERS = new ForkJoinPool(2);
    private static final UncertainInputs EVERYTHING = new UncertainInputs(0.25, 0.25,
            List.of(Normalisation.MINMAX, Normalisation.ZSCORE, Normalisation.RANK),
            List.of(Aggregation.ARITHMETIC, Aggregation.GEOMETRIC), List.of(Aggregation.ARITHMETIC, Aggregation.GEOMETRIC),
            true);

    @AfterAll
    static void shutDown() {
        WORKERS.shutdown();
    }

    @Test
    void everyPerturbedReplicationRanksAndFlagsAsOnTheFullEngine() {
        AnalysedPeerGroup group = group(withGaps(AnalysisPropertiesTest.peerGroup(60, 11), 12));
        Evaluator fast = new Evaluator(group);
        Evaluator full = new Evaluator(group, methodology -> fullScores(methodology, group.data()));
        Perturbation perturbation = new Perturbation(group.methodology(), EVERYTHING);
        double[][] draws = UncertaintyAnalysis.draws(300, perturbation.factors().size(), 13);
        int unranked = 0;
        for (double[] draw : draws) {
            Methodology methodology = perturbation.methodology(draw);
            Evaluator.Outcome expected = full.evaluate(methodology);
            Evaluator.Outcome actual = fast.evaluate(methodology);
            assertThat(actual.nationalRanks()).isEqualTo(expected.nationalRanks());
            assertThat(actual.regionRanks()).isEqualTo(expected.regionRanks());
            assertThat(actual.regionGroups()).isEqualTo(expected.regionGroups());
            assertThat(actual.flags()).isEqualTo(expected.flags());
            unranked += (int) Arrays.stream(actual.nationalRanks()).filter(rank -> rank == 0).count();
        }
        // the gaps leave some zones unranked in some replications, so that case is compared too
        assertThat(unranked).isPositive();
    }

    @Test
    void uncertaintyAndSensitivityResultsAreThoseOfTheFullEngine() {
        AnalysedPeerGroup group = group(withGaps(AnalysisPropertiesTest.peerGroup(40, 21), 22));
        Evaluator full = new Evaluator(group, methodology -> fullScores(methodology, group.data()));

        assertThat(UncertaintyAnalysis.run(group, EVERYTHING, 200, 42, WORKERS, Progress.NONE))
                .isEqualTo(UncertaintyAnalysis.run(full, group, EVERYTHING, 200, 42, WORKERS, Progress.NONE));
        assertThat(SensitivityAnalysis.run(group, EVERYTHING, 40, 42, WORKERS, Progress.NONE))
                .isEqualTo(SensitivityAnalysis.run(full, group, EVERYTHING, 40, 42, WORKERS, Progress.NONE));
    }

    private static AnalysedPeerGroup group(PeerGroupData data) {
        return new AnalysedPeerGroup(Methodology.plan2012(ZoneType.ETDZ), data, FlagRules.of(FlagPreset.PLAN_2012), List.of(),
                List.of());
    }

    /** The peer group with 8 % of this period's values missing, so pillars lose coverage and zones their rank. */
    private static PeerGroupData withGaps(PeerGroupData data, long seed) {
        Random random = new Random(seed);
        Map<String, Map<String, Double>> values = new HashMap<>();
        data.zones().stream().map(Zone::code).sorted().forEach(code -> {
            Map<String, Double> kept = new HashMap<>();
            data.values().get(code).entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                if (random.nextDouble() >= 0.08) {
                    kept.put(entry.getKey(), entry.getValue());
                }
            });
            values.put(code, kept);
        });
        return new PeerGroupData(data.zones(), values, data.previousValues());
    }

    /** The full engine's result in the scores-only shape: zones in code order, NaN and 0 for what is missing. */
    private static ReplicationScorer.Scores fullScores(Methodology methodology, PeerGroupData data) {
        ScoringResult result = ScoringEngine.score(methodology, data);
        List<ZoneScore> byCode = result.zones().stream().sorted(Comparator.comparing(ZoneScore::zone)).toList();
        List<Zone> zones = data.zones().stream().sorted(Comparator.comparing(Zone::code)).toList();
        int n = byCode.size();
        double[] composites = new double[n];
        double[][] pillars = new double[n][];
        double[] coverage = new double[n];
        int[] national = new int[n];
        int[] region = new int[n];
        String[] groups = new String[n];
        for (int z = 0; z < n; z++) {
            ZoneScore zone = byCode.get(z);
            composites[z] = zone.composite() == null ? Double.NaN : zone.composite();
            pillars[z] = zone.pillars().stream().mapToDouble(p -> p.score() == null ? Double.NaN : p.score()).toArray();
            coverage[z] = zone.coverage();
            national[z] = zone.nationalRank() == null ? 0 : zone.nationalRank();
            region[z] = zone.regionRank() == null ? 0 : zone.regionRank();
            groups[z] = zone.regionGroup();
        }
        return new ReplicationScorer.Scores(zones, composites, pillars, coverage, national, region, groups);
    }
}
