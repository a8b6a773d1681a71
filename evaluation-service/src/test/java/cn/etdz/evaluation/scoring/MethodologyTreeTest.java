package cn.etdz.evaluation.scoring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.etdz.evaluation.scoring.Direction.HIGHER;
import static cn.etdz.evaluation.scoring.Direction.LOWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Methodologies as trees: a three-level composite against its formula, the plan as a tree, the tree's checks. */
class MethodologyTreeTest {

    private static final double EXACT = 1e-12;

    /**
     * Composite (arithmetic, OPEN 2 : GREEN 1) → OPEN (geometric, TRADE_PART 1 : INVEST_PART 3) → TRADE_PART
     * (arithmetic, GDP 1 : TRADE 1) and INVEST_PART (FDI); GREEN holds SO2 (lower is better). Goalposts throughout, so
     * each normalised value is {@code 100 (x − min) / (max − min)}, reversed for SO2.
     */
    private static Methodology threeLevels() {
        MethodologyNode trade = leaf("TRADE_PART", "贸易", "Trade", 1, Aggregation.ARITHMETIC, List.of(
                IndicatorSpec.goalpost("GDP", 1, HIGHER, 0, 1_000),
                IndicatorSpec.goalpost("TRADE", 1, HIGHER, 0, 500)));
        MethodologyNode invest = leaf("INVEST_PART", "投资", "Investment", 3, Aggregation.ARITHMETIC, List.of(
                IndicatorSpec.goalpost("FDI", 1, HIGHER, 0, 100)));
        MethodologyNode open = node("OPEN", "对外开放", "Opening-up", 2, Aggregation.GEOMETRIC, List.of(trade, invest));
        MethodologyNode green = leaf("GREEN", "绿色发展", "Green development", 1, Aggregation.ARITHMETIC, List.of(
                IndicatorSpec.goalpost("SO2", 1, LOWER, 0, 50)));
        return Methodology.ofNodes("three-levels", "1", ZoneType.ETDZ, Aggregation.ARITHMETIC,
                RegionGrouping.STATISTICAL_REGIONS, List.of(open, green), null, null);
    }

    private static MethodologyNode node(String code, String name, String nameEn, double weight, Aggregation aggregation,
                                        List<MethodologyNode> nodes) {
        return MethodologyNode.of(code, name, nameEn, weight, aggregation, nodes);
    }

    private static MethodologyNode leaf(String code, String name, String nameEn, double weight, Aggregation aggregation,
                                        List<IndicatorSpec> indicators) {
        return MethodologyNode.ofIndicators(code, name, nameEn, weight, aggregation, indicators);
    }

    private static PeerGroupData data(Map<String, Map<String, Double>> values) {
        List<Zone> zones = new ArrayList<>();
        values.keySet().forEach(code -> zones.add(new Zone(code, ZoneType.ETDZ, Region.EAST)));
        return new PeerGroupData(zones, values, Map.of());
    }

    @Test
    void aThreeLevelCompositeWithAGeometricLevelFollowsItsFormula() {
        Map<String, Map<String, Double>> values = Map.of(
                "A", Map.of("GDP", 400.0, "TRADE", 150.0, "FDI", 20.0, "SO2", 10.0),
                "B", Map.of("GDP", 900.0, "TRADE", 420.0, "FDI", 75.0, "SO2", 35.0),
                "C", Map.of("GDP", 120.0, "TRADE", 60.0, "FDI", 5.0, "SO2", 2.0));
        ScoringResult result = ScoringEngine.score(threeLevels(), data(values));

        for (String code : values.keySet()) {
            Map<String, Double> v = values.get(code);
            double tradePart = (v.get("GDP") / 1_000 * 100 + v.get("TRADE") / 500 * 100) / 2;
            double investPart = v.get("FDI") / 100 * 100;
            double open = Math.exp((Math.log(tradePart) + 3 * Math.log(investPart)) / 4);
            double green = (50 - v.get("SO2")) / 50 * 100;
            double composite = (2 * open + green) / 3;

            ZoneScore zone = result.zone(code).orElseThrow();
            assertThat(zone.composite()).as(code).isCloseTo(composite, within(EXACT));
            NodeScore openScore = zone.nodes().get(0);
            assertThat(openScore.code()).isEqualTo("OPEN");
            assertThat(openScore.score()).isCloseTo(open, within(EXACT));
            assertThat(openScore.weight()).isCloseTo(2.0 / 3, within(EXACT));
            assertThat(openScore.nodes()).extracting(NodeScore::code).containsExactly("TRADE_PART", "INVEST_PART");
            assertThat(openScore.nodes().get(0).score()).isCloseTo(tradePart, within(EXACT));
            assertThat(openScore.nodes().get(1).score()).isCloseTo(investPart, within(EXACT));
            assertThat(zone.nodes().get(1).score()).isCloseTo(green, within(EXACT));
            // no top-level node is one of the plan's five pillars
            assertThat(zone.pillars()).isEmpty();
            // contributions add up level by level, and the indicators' to the composite
            assertThat(zone.nodes().stream().mapToDouble(NodeScore::compositeContribution).sum())
                    .isCloseTo(composite, within(EXACT));
            assertThat(openScore.nodes().stream().mapToDouble(NodeScore::compositeContribution).sum())
                    .isCloseTo(openScore.compositeContribution(), within(EXACT));
            assertThat(zone.indicators().stream().mapToDouble(IndicatorExplanation::compositeContribution).sum())
                    .isCloseTo(composite, within(EXACT));
        }
        assertThat(result.zones()).extracting(ZoneScore::zone).containsExactly("B", "A", "C");
    }

    @Test
    void theExplanationShowsEachIndicatorsPathThroughTheTree() {
        ZoneScore zone = ScoringEngine.score(threeLevels(), data(Map.of(
                "A", Map.of("GDP", 400.0, "TRADE", 150.0, "FDI", 20.0, "SO2", 10.0)))).zone("A").orElseThrow();
        assertThat(zone.indicators()).extracting(IndicatorExplanation::indicator)
                .containsExactly("GDP", "TRADE", "FDI", "SO2");
        assertThat(zone.indicator("FDI").orElseThrow().path()).containsExactly("OPEN", "INVEST_PART");
        assertThat(zone.indicator("SO2").orElseThrow().path()).containsExactly("GREEN");
        assertThat(zone.indicator("SO2").orElseThrow().pillar()).isNull();
    }

    @Test
    void aNodeOfNodesHasNoScoreWhenAChildHasNone() {
        // INVEST_PART without FDI has no score, so OPEN has none, so A is unranked; GREEN is still scored
        ZoneScore zone = ScoringEngine.score(threeLevels(), data(Map.of(
                "A", Map.of("GDP", 400.0, "TRADE", 150.0, "SO2", 10.0)))).zone("A").orElseThrow();
        assertThat(zone.composite()).isNull();
        assertThat(zone.nodes().get(0).score()).isNull();
        assertThat(zone.nodes().get(0).nodes().get(0).score()).isCloseTo(35, within(EXACT));
        assertThat(zone.nodes().get(1).score()).isCloseTo(80, within(EXACT));
        // coverage: OPEN (1 × 1 + 3 × 0) / 4, GREEN 1, composite (2 × 0.25 + 1) / 3
        assertThat(zone.nodes().get(0).coverage()).isCloseTo(0.25, within(EXACT));
        assertThat(zone.coverage()).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void thePlanGivenAsATreeScoresExactlyAsThePlan() {
        Methodology plan = Methodology.plan2012(ZoneType.ETDZ);
        Methodology asTree = Methodology.ofNodes(plan.id(), plan.version(), plan.zoneType(),
                plan.compositeAggregation(), plan.regionGrouping(), plan.tree(), plan.zeroRule(), plan.imputation());
        assertThat(asTree.pillars()).isEmpty();
        assertThat(asTree.tree().get(0).name()).isEqualTo("经济发展");
        PeerGroupData data = RandomPeerGroups.peerGroup(new java.util.Random(7), ZoneType.ETDZ);

        ScoringResult expected = ScoringEngine.score(plan, data);
        ScoringResult actual = ScoringEngine.score(asTree, data);
        assertThat(actual.zones()).isEqualTo(expected.zones());
        assertThat(actual.zones().get(0).pillars()).hasSize(5);
    }

    @Test
    void everyProblemOfATreeIsReportedWithItsPath() {
        MethodologyNode tooDeep = leaf("L7", "七", "Seven", 1, Aggregation.ARITHMETIC,
                List.of(IndicatorSpec.minMax("TAX", 1, HIGHER)));
        for (int level = 6; level >= 1; level--) {
            tooDeep = node("L" + level, "层", "Level", 1, Aggregation.ARITHMETIC, List.of(tooDeep));
        }
        Methodology methodology = Methodology.ofNodes("bad-tree", "1", ZoneType.ETDZ, Aggregation.ARITHMETIC, null,
                List.of(
                        leaf("OPEN", "对外开放", "Opening-up", 1, Aggregation.ARITHMETIC,
                                List.of(IndicatorSpec.minMax("GDP", 1, HIGHER))),
                        leaf("OPEN", "重复", "Again", -1, Aggregation.ARITHMETIC,
                                List.of(IndicatorSpec.minMax("GDP", 1, HIGHER))),
                        node("EMPTY", "空", "", 1, Aggregation.ARITHMETIC, List.of()),
                        new MethodologyNode("MIXED", "混合", "Mixed", 1, Aggregation.ARITHMETIC,
                                List.of(leaf("INNER", "内", "Inner", 1, Aggregation.ARITHMETIC,
                                        List.of(IndicatorSpec.minMax("FDI", 1, HIGHER)))),
                                List.of(IndicatorSpec.minMax("TRADE", 1, HIGHER))),
                        tooDeep), null, null);

        assertThat(MethodologyValidator.validate(methodology))
                .extracting(MethodologyProblem::field, MethodologyProblem::code)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("nodes[1].code", "duplicate-node"),
                        org.assertj.core.groups.Tuple.tuple("nodes[1].weight", "non-positive-weight"),
                        org.assertj.core.groups.Tuple.tuple("nodes[1].indicators[0].code", "duplicate-indicator"),
                        org.assertj.core.groups.Tuple.tuple("nodes[2]", "empty-node"),
                        org.assertj.core.groups.Tuple.tuple("nodes[2].nameEn", "required"),
                        org.assertj.core.groups.Tuple.tuple("nodes[3]", "mixed-node"),
                        org.assertj.core.groups.Tuple.tuple("nodes[4].nodes[0].nodes[0].nodes[0].nodes[0].nodes[0].nodes",
                                "too-deep"))
                .hasSize(7);
        assertThat(MethodologyValidator.validate(threeLevels())).isEmpty();
    }

    @Test
    void aTreeOfSixLevelsIsAccepted() {
        MethodologyNode node = leaf("L6", "六", "Six", 1, Aggregation.ARITHMETIC,
                List.of(IndicatorSpec.goalpost("TAX", 1, HIGHER, 0, 100)));
        for (int level = 5; level >= 1; level--) {
            node = node("L" + level, "层", "Level", 1, Aggregation.GEOMETRIC, List.of(node));
        }
        Methodology deep = Methodology.ofNodes("deep", "1", ZoneType.ETDZ, Aggregation.ARITHMETIC, null,
                List.of(node), null, null);
        ZoneScore zone = ScoringEngine.score(deep, data(Map.of("A", Map.of("TAX", 64.0)))).zone("A").orElseThrow();
        assertThat(zone.composite()).isCloseTo(64, within(EXACT));
        assertThat(zone.indicator("TAX").orElseThrow().path()).containsExactly("L1", "L2", "L3", "L4", "L5", "L6");
    }

    @Test
    void aCustomIndicatorIsScoredOnlyWhereTheDataSetBringsIt() {
        Methodology methodology = Methodology.ofNodes("custom", "1", ZoneType.ETDZ, Aggregation.ARITHMETIC, null,
                List.of(leaf("REFORM", "改革", "Reform", 1, Aggregation.ARITHMETIC, List.of(
                        IndicatorSpec.goalpost("FTZ_PILOT_MEASURES", 1, HIGHER, 0, 40),
                        IndicatorSpec.goalpost("GDP", 1, HIGHER, 0, 1_000)))), null, null);
        Map<String, Map<String, Double>> values = Map.of("A", Map.of("FTZ_PILOT_MEASURES", 10.0, "GDP", 500.0));
        List<Zone> zones = List.of(new Zone("A", ZoneType.ETDZ, Region.EAST));

        // the catalogue does not know the code; the data set that brings it does
        assertThat(MethodologyValidator.validate(methodology, IndicatorCatalogue.PLAN))
                .extracting(MethodologyProblem::code).containsExactly("unknown-indicator");
        assertThat(MethodologyValidator.validate(methodology, IndicatorCatalogue.PLAN, Set.of("FTZ_PILOT_MEASURES")))
                .isEmpty();
        ZoneScore zone = ScoringEngine.score(methodology,
                new PeerGroupData(zones, values, null, Set.of("FTZ_PILOT_MEASURES"))).zone("A").orElseThrow();
        assertThat(zone.composite()).isCloseTo((25 + 50) / 2.0, within(EXACT));
        assertThat(zone.indicator("FTZ_PILOT_MEASURES").orElseThrow().raw()).isEqualTo(10.0);
    }

    @Test
    void pillarsAndNodesTogetherAreRejected() {
        Methodology plan = Methodology.plan2012(ZoneType.ETDZ);
        Methodology both = new Methodology(plan.id(), plan.version(), plan.zoneType(), plan.compositeAggregation(),
                plan.regionGrouping(), plan.pillars(), null, null, plan.tree(), null);
        assertThat(MethodologyValidator.validate(both)).extracting(MethodologyProblem::code)
                .containsExactly("pillars-and-nodes");
    }
}
