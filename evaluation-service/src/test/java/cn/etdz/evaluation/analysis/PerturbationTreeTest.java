package cn.etdz.evaluation.analysis;

import cn.etdz.evaluation.scoring.Aggregation;
import cn.etdz.evaluation.scoring.IndicatorSpec;
import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.MethodologyNode;
import cn.etdz.evaluation.scoring.RegionGrouping;
import cn.etdz.evaluation.scoring.ZoneType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.etdz.evaluation.scoring.Direction.HIGHER;
import static org.assertj.core.api.Assertions.assertThat;

/** The analysis varies a tree at every level: "pillar" weights and aggregations are those of every node. */
class PerturbationTreeTest {

    private static final Methodology TREE = Methodology.ofNodes("tree", "1", ZoneType.ETDZ, Aggregation.ARITHMETIC,
            RegionGrouping.STATISTICAL_REGIONS, List.of(
                    MethodologyNode.of("OPEN", "对外开放", "Opening-up", 2, Aggregation.ARITHMETIC, List.of(
                            MethodologyNode.ofIndicators("TRADE_PART", "贸易", "Trade", 1, Aggregation.ARITHMETIC,
                                    List.of(IndicatorSpec.minMax("GDP", 1, HIGHER), IndicatorSpec.minMax("TRADE", 1, HIGHER))),
                            MethodologyNode.ofIndicators("INVEST_PART", "投资", "Investment", 3, Aggregation.ARITHMETIC,
                                    List.of(IndicatorSpec.minMax("FDI", 1, HIGHER))))),
                    MethodologyNode.ofIndicators("GREEN", "绿色发展", "Green", 1, Aggregation.ARITHMETIC,
                            List.of(IndicatorSpec.minMax("SO2_INTENSITY", 1, HIGHER)))), null, null);

    @Test
    void withNothingUncertainAReplicationIsTheNominalTree() {
        Methodology replication = new Perturbation(TREE, UncertainInputs.none()).methodology(new double[0]);
        assertThat(replication.nodes()).isEqualTo(TREE.nodes());
    }

    @Test
    void weightNoiseAndAggregationsReachEveryLevelOfTheTree() {
        UncertainInputs inputs = new UncertainInputs(0.25, 0, List.of(), List.of(Aggregation.GEOMETRIC), List.of(),
                false);
        Methodology replication = new Perturbation(TREE, inputs).methodology(new double[] {0.3, 0.7});
        MethodologyNode open = replication.nodes().get(0);
        MethodologyNode invest = open.nodes().get(1);
        assertThat(open.weight()).isBetween(1.5, 2.5).isNotEqualTo(2.0);
        assertThat(invest.weight()).isBetween(2.25, 3.75).isNotEqualTo(3.0);
        assertThat(List.of(open.aggregation(), invest.aggregation(), replication.nodes().get(1).aggregation()))
                .containsOnly(Aggregation.GEOMETRIC);
        assertThat(invest.indicators()).isEqualTo(TREE.nodes().get(0).nodes().get(1).indicators());
    }

    @Test
    void anyIndicatorOfANodeWithTwoMayBeLeftOut() {
        UncertainInputs inputs = new UncertainInputs(0, 0, List.of(), List.of(), List.of(), true);
        Perturbation perturbation = new Perturbation(TREE, inputs);
        // three choices: none, GDP or TRADE (FDI and SO2_INTENSITY are alone in their nodes)
        assertThat(perturbation.methodology(new double[] {0.1}).indicators()).hasSize(4);
        assertThat(perturbation.methodology(new double[] {0.5}).indicators()).extracting(IndicatorSpec::code)
                .containsExactly("TRADE", "FDI", "SO2_INTENSITY");
        assertThat(perturbation.methodology(new double[] {0.9}).indicators()).extracting(IndicatorSpec::code)
                .containsExactly("GDP", "FDI", "SO2_INTENSITY");
    }
}
