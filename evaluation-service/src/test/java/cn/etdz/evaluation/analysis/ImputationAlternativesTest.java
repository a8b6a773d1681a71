package cn.etdz.evaluation.analysis;

import cn.etdz.evaluation.scoring.FlagPreset;
import cn.etdz.evaluation.scoring.FlagRules;
import cn.etdz.evaluation.scoring.Imputation;
import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.PeerGroupData;
import cn.etdz.evaluation.scoring.ScoringEngine;
import cn.etdz.evaluation.scoring.ScoringResult;
import cn.etdz.evaluation.scoring.ZoneScore;
import cn.etdz.evaluation.scoring.ZoneType;
import cn.etdz.evaluation.snapshot.Flag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imputation alternatives as an uncertain input, on a peer group where every fourth zone did not report its GDP: under
 * {@code NONE} such a zone's economy pillar covers 6.5 of 11.5 weight (under 2/3) and it is unranked; imputed, it is
 * ranked and pushes others down.
 */
class ImputationAlternativesTest {

    private static final ForkJoinPool WORKERS = new ForkJoinPool(2);
    private static final FlagRules RULES = FlagRules.of(FlagPreset.PLAN_2012);
    private static final int ZONES = 32;

    @AfterAll
    static void shutDown() {
        WORKERS.shutdown();
    }

    /** Every fourth zone without GDP this period; all report it the period before, so it can be carried forward. */
    private static PeerGroupData withMissingGdp() {
        PeerGroupData full = AnalysisPropertiesTest.peerGroup(ZONES, 7);
        Map<String, Map<String, Double>> values = new HashMap<>();
        full.values().forEach((zone, zoneValues) -> values.put(zone, new HashMap<>(zoneValues)));
        for (int z = 0; z < ZONES; z += 4) {
            values.get(String.format("Z%04d", z)).remove("GDP");
        }
        return new PeerGroupData(full.zones(), values, full.previousValues());
    }

    private static Set<String> missing() {
        Set<String> codes = new java.util.HashSet<>();
        for (int z = 0; z < ZONES; z += 4) {
            codes.add(String.format("Z%04d", z));
        }
        return codes;
    }

    private static Methodology imputing(Imputation imputation) {
        Methodology plan = Methodology.plan2012(ZoneType.ETDZ);
        return new Methodology(plan.id(), plan.version(), plan.zoneType(), plan.compositeAggregation(),
                plan.regionGrouping(), plan.pillars(), plan.zeroRule(), imputation);
    }

    private static UncertainInputs imputations(Imputation... alternatives) {
        return new UncertainInputs(0, 0, List.of(), List.of(), List.of(), false, List.of(alternatives));
    }

    @Test
    void theMethodologysOwnImputationAsTheOnlyAlternativeGivesTheNominalResultEveryTime() {
        PeerGroupData data = withMissingGdp();
        Methodology methodology = imputing(Imputation.PEER_MEDIAN);
        ScoringResult nominal = ScoringEngine.score(methodology, data);
        AnalysedPeerGroup group = new AnalysedPeerGroup(methodology, data, RULES, List.of(), List.of());

        UncertaintyAnalysis.UncertaintyResult result = UncertaintyAnalysis.run(group,
                imputations(Imputation.PEER_MEDIAN), 40, 5, WORKERS, Progress.NONE);

        assertThat(result.inputs()).containsExactly(UncertainInput.IMPUTATION);
        assertThat(result.zones()).hasSize(ZONES);
        for (UncertaintyAnalysis.ZoneUncertainty zone : result.zones()) {
            ZoneScore score = nominal.zone(zone.zone()).orElseThrow();
            // imputed, the zones without GDP are ranked like the others
            assertThat(score.ranked()).as(zone.zone()).isTrue();
            double rank = score.nationalRank();
            assertThat(zone.nationalRank()).as(zone.zone())
                    .isEqualTo(new UncertaintyAnalysis.RankInterval(score.nationalRank(), rank, rank, rank));
            assertThat(zone.unranked()).isZero();
            for (Flag flag : Flag.values()) {
                assertThat(zone.flagProbabilities().get(flag)).as(zone.zone() + " " + flag)
                        .isEqualTo(zone.nominalFlags().contains(flag) ? 1.0 : 0.0);
            }
        }
    }

    @Test
    void withValuesMissingTheChoiceOfImputationMovesRanks() {
        PeerGroupData data = withMissingGdp();
        AnalysedPeerGroup group = new AnalysedPeerGroup(imputing(Imputation.NONE), data, RULES, List.of(), List.of());
        UncertainInputs alternatives = imputations(Imputation.NONE, Imputation.PEER_MEDIAN, Imputation.CARRY_FORWARD);

        UncertaintyAnalysis.UncertaintyResult uncertainty = UncertaintyAnalysis.run(group, alternatives, 300, 9, WORKERS,
                Progress.NONE);

        for (UncertaintyAnalysis.ZoneUncertainty zone : uncertainty.zones()) {
            if (missing().contains(zone.zone())) {
                // unranked under NONE (nominal), ranked under the two imputations: about a third of the time unranked
                assertThat(zone.nationalRank().nominal()).as(zone.zone()).isNull();
                assertThat(zone.nationalRank().median()).as(zone.zone()).isNotNull();
                assertThat(zone.unranked()).as(zone.zone()).isBetween(0.2, 0.5);
                assertThat(zone.flagProbabilities().get(Flag.UNRANKED)).isEqualTo(zone.unranked());
            } else {
                assertThat(zone.unranked()).as(zone.zone()).isZero();
            }
        }
        // the imputed zones come in between the others: someone's rank moves
        assertThat(uncertainty.zones()).filteredOn(zone -> !missing().contains(zone.zone()))
                .anyMatch(zone -> zone.nationalRank().p95() - zone.nationalRank().p5() >= 1);

        SensitivityAnalysis.SensitivityResult sensitivity = SensitivityAnalysis.run(group, alternatives, 64, 9, WORKERS,
                Progress.NONE);

        assertThat(sensitivity.inputs()).containsExactly(UncertainInput.IMPUTATION);
        SensitivityAnalysis.OutputIndices summary = sensitivity.meanAbsoluteRankShift();
        assertThat(summary.variance()).isPositive();
        // the one input explains all the variance, up to sampling error
        assertThat(summary.inputs().get(0).total().estimate()).isGreaterThan(0.8);
    }
}
