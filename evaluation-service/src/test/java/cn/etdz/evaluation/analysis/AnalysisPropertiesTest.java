package cn.etdz.evaluation.analysis;

import cn.etdz.evaluation.scoring.FlagPreset;
import cn.etdz.evaluation.scoring.FlagRules;
import cn.etdz.evaluation.scoring.Aggregation;
import cn.etdz.evaluation.scoring.IndicatorCatalogue;
import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.Normalisation;
import cn.etdz.evaluation.scoring.PeerGroupData;
import cn.etdz.evaluation.scoring.Region;
import cn.etdz.evaluation.scoring.ScoringEngine;
import cn.etdz.evaluation.scoring.ScoringResult;
import cn.etdz.evaluation.scoring.Zone;
import cn.etdz.evaluation.scoring.ZoneScore;
import cn.etdz.evaluation.scoring.ZoneType;
import cn.etdz.evaluation.snapshot.Flag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Properties of both analyses on a seeded synthetic peer group under {@code plan-2012}. */
class AnalysisPropertiesTest {

    private static final ForkJoinPool ONE_CORE = new ForkJoinPool(1);
    private static final ForkJoinPool FOUR_WORKERS = new ForkJoinPool(4);
    private static final FlagRules RULES = FlagRules.of(FlagPreset.PLAN_2012);
    private static final UncertainInputs EVERYTHING = new UncertainInputs(0.25, 0.25,
            List.of(Normalisation.MINMAX, Normalisation.ZSCORE, Normalisation.RANK),
            List.of(Aggregation.ARITHMETIC, Aggregation.GEOMETRIC), List.of(Aggregation.ARITHMETIC, Aggregation.GEOMETRIC),
            true);

    @AfterAll
    static void shutDown() {
        ONE_CORE.shutdown();
        FOUR_WORKERS.shutdown();
    }

    static PeerGroupData peerGroup(int size, long seed) {
        Random random = new Random(seed);
        List<Zone> zones = new ArrayList<>();
        Map<String, Map<String, Double>> values = new HashMap<>();
        Map<String, Map<String, Double>> previous = new HashMap<>();
        for (int z = 0; z < size; z++) {
            String code = String.format("Z%04d", z);
            zones.add(new Zone(code, ZoneType.ETDZ, Region.values()[random.nextInt(Region.values().length)]));
            Map<String, Double> now = new HashMap<>();
            Map<String, Double> before = new HashMap<>();
            for (String indicator : IndicatorCatalogue.PLAN.rawIndicators(ZoneType.ETDZ)) {
                double value = Math.exp(3 + random.nextGaussian());
                now.put(indicator, value);
                before.put(indicator, value / (1.05 + 0.1 * random.nextGaussian()));
            }
            values.put(code, now);
            previous.put(code, before);
        }
        return new PeerGroupData(zones, values, previous);
    }

    private static AnalysedPeerGroup group(PeerGroupData data) {
        return new AnalysedPeerGroup(Methodology.plan2012(ZoneType.ETDZ), data, RULES, List.of(), List.of());
    }

    @Test
    void withNothingUncertainEveryReplicationIsTheNominalResult() {
        PeerGroupData data = peerGroup(40, 1);
        ScoringResult nominal = ScoringEngine.score(Methodology.plan2012(ZoneType.ETDZ), data);

        UncertaintyAnalysis.UncertaintyResult result = UncertaintyAnalysis.run(group(data), UncertainInputs.none(), 50, 3,
                FOUR_WORKERS, Progress.NONE);

        assertThat(result.inputs()).isEmpty();
        assertThat(result.zones()).hasSize(40);
        for (UncertaintyAnalysis.ZoneUncertainty zone : result.zones()) {
            ZoneScore score = nominal.zone(zone.zone()).orElseThrow();
            double rank = score.nationalRank();
            assertThat(zone.nationalRank()).isEqualTo(new UncertaintyAnalysis.RankInterval(score.nationalRank(),
                    rank, rank, rank));
            double regionRank = score.regionRank();
            assertThat(zone.regionRank()).isEqualTo(new UncertaintyAnalysis.RankInterval(score.regionRank(),
                    regionRank, regionRank, regionRank));
            for (Flag flag : Flag.values()) {
                assertThat(zone.flagProbabilities().get(flag)).as(zone.zone() + " " + flag)
                        .isEqualTo(zone.nominalFlags().contains(flag) ? 1.0 : 0.0);
            }
        }
        assertThat(result.zones().stream().filter(zone -> zone.nominalFlags().contains(Flag.WARNING))).isNotEmpty();
    }

    @Test
    void anInputThatChangesNothingHasIndicesOfZero() {
        PeerGroupData data = peerGroup(30, 2);
        // plan-2012 normalises within the peer group by min-max only: a choice among [MINMAX] changes nothing
        UncertainInputs inertAndAggregation = new UncertainInputs(0, 0, List.of(Normalisation.MINMAX), List.of(),
                List.of(Aggregation.ARITHMETIC, Aggregation.GEOMETRIC), false);

        SensitivityAnalysis.SensitivityResult result = SensitivityAnalysis.run(group(data), inertAndAggregation, 64, 5,
                FOUR_WORKERS, Progress.NONE);

        assertThat(result.inputs()).containsExactly(UncertainInput.NORMALISATION, UncertainInput.COMPOSITE_AGGREGATION);
        assertThat(result.evaluations()).isEqualTo(64 * 4);
        SensitivityAnalysis.OutputIndices summary = result.meanAbsoluteRankShift();
        assertThat(summary.variance()).isPositive();
        assertThat(summary.inputs().get(0).firstOrder().estimate()).isZero();
        assertThat(summary.inputs().get(0).total().estimate()).isZero();
        assertThat(summary.inputs().get(1).total().estimate()).isGreaterThan(0.8);
        assertThat(result.zones()).anySatisfy(zone -> assertThat(zone.indices().variance()).isPositive())
                .allSatisfy(zone -> assertThat(zone.indices().inputs().get(0).total().estimate())
                        .isIn(0.0, null));
    }

    @Test
    void theSameSeedGivesTheSameResultWhateverTheParallelism() {
        AnalysedPeerGroup group = group(peerGroup(30, 4));

        UncertaintyAnalysis.UncertaintyResult serial = UncertaintyAnalysis.run(group, EVERYTHING, 200, 42, ONE_CORE, Progress.NONE);
        UncertaintyAnalysis.UncertaintyResult parallel = UncertaintyAnalysis.run(group, EVERYTHING, 200, 42, FOUR_WORKERS,
                Progress.NONE);
        UncertaintyAnalysis.UncertaintyResult otherSeed = UncertaintyAnalysis.run(group, EVERYTHING, 200, 43, FOUR_WORKERS,
                Progress.NONE);
        SensitivityAnalysis.SensitivityResult serialIndices = SensitivityAnalysis.run(group, EVERYTHING, 40, 42, ONE_CORE,
                Progress.NONE);
        SensitivityAnalysis.SensitivityResult parallelIndices = SensitivityAnalysis.run(group, EVERYTHING, 40, 42, FOUR_WORKERS,
                Progress.NONE);

        assertThat(parallel).isEqualTo(serial);
        assertThat(otherSeed).isNotEqualTo(serial);
        assertThat(parallelIndices).isEqualTo(serialIndices);
        assertThat(serialIndices.evaluations()).isEqualTo(40 * 8);
        // the inputs really move ranks
        assertThat(serial.zones()).anyMatch(zone -> zone.nationalRank().p95() - zone.nationalRank().p5() >= 2);
    }

    @Test
    void reorderingTheZonesChangesNothing() {
        PeerGroupData data = peerGroup(30, 5);
        List<Zone> shuffled = new ArrayList<>(data.zones());
        Collections.shuffle(shuffled, new Random(9));
        PeerGroupData reordered = new PeerGroupData(shuffled, data.values(), data.previousValues());

        assertThat(UncertaintyAnalysis.run(group(reordered), EVERYTHING, 100, 8, FOUR_WORKERS, Progress.NONE))
                .isEqualTo(UncertaintyAnalysis.run(group(data), EVERYTHING, 100, 8, FOUR_WORKERS, Progress.NONE));
        assertThat(SensitivityAnalysis.run(group(reordered), EVERYTHING, 20, 8, FOUR_WORKERS, Progress.NONE))
                .isEqualTo(SensitivityAnalysis.run(group(data), EVERYTHING, 20, 8, FOUR_WORKERS, Progress.NONE));
    }

    @Test
    void ranksStayWithinThePeerGroupAndIntervalsAreOrdered() {
        UncertaintyAnalysis.UncertaintyResult result = UncertaintyAnalysis.run(group(peerGroup(25, 6)), EVERYTHING, 300, 1,
                FOUR_WORKERS, Progress.NONE);

        for (UncertaintyAnalysis.ZoneUncertainty zone : result.zones()) {
            UncertaintyAnalysis.RankInterval rank = zone.nationalRank();
            assertThat(rank.p5()).isBetween(1.0, rank.median());
            assertThat(rank.p95()).isBetween(rank.median(), 25.0);
        }
        List<Double> medians = result.zones().stream().map(zone -> zone.nationalRank().median()).toList();
        assertThat(medians).isSorted();
    }

    @Test
    void aCancelledAnalysisStops() {
        Progress cancelled = new Progress() {
            @Override
            public void evaluated(int done, int total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };

        assertThatThrownBy(() -> UncertaintyAnalysis.run(group(peerGroup(10, 7)), EVERYTHING, 100, 1, FOUR_WORKERS,
                cancelled)).isInstanceOf(java.util.concurrent.CancellationException.class);
    }
}
