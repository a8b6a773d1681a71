package cn.etdz.evaluation.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static cn.etdz.evaluation.scoring.Direction.HIGHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The methodology's options worked on paper: transforms (and their bounds), the zero rule of geometric means,
 * imputation, and a composite of goalposts on logged values under a geometric mean reproduced from its formula.
 */
class MethodOptionsTest {

    private static final double TOLERANCE = 1e-12;

    // ---- transforms ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}({1}) = {2}")
    @CsvSource({
            "LN, 1, 0",
            "LN, 2.718281828459045, 1",
            "LN, 0.5, -0.6931471805599453",
            "LOG10, 1000, 3",
            "LOG10, 0.01, -2",
            "LOG1P, 0, 0",
            "LOG, 99, 4.605170185988092",           // the alias of LOG1P
            "NONE, -3, -3"})
    void eachTransformByHand(Transform transform, double value, double expected) {
        assertThat(Transforms.apply(transform, value)).isCloseTo(expected, within(TOLERANCE));
    }

    @ParameterizedTest(name = "{0}({1}) is not transformable")
    @CsvSource({"LN, 0", "LN, -1", "LOG10, 0", "LOG1P, -0.5"})
    void valuesOutsideTheDomainBecomeMissing(Transform transform, double value) {
        assertThat(Transforms.apply(transform, value)).isNaN();
    }

    @Test
    void logIsStoredAsLog1p() {
        assertThat(new IndicatorSpec("GDP", 1, HIGHER, Transform.LOG, Normalisation.MINMAX, null).transform())
                .isEqualTo(Transform.LOG1P);
    }

    /**
     * Border-zone FDI of 0.2, 0.5 and 2 亿美元, min-max: under LOG1P the middle zone scores
     * (ln 1.5 − ln 1.2) / (ln 3 − ln 1.2) = 24.35 in 亿美元 but 39.79 in 万美元 (2 000, 5 000, 20 000); under LN it
     * scores ln 2.5 / ln 10 = 39.79 in either unit.
     */
    @Test
    void log1pDependsOnTheUnitAndLnDoesNot() {
        double[] yi = {0.2, 0.5, 2.0};
        double[] wan = {2_000, 5_000, 20_000};
        double log1pYi = Normalisers.minMax(Transforms.apply(Transform.LOG1P, yi), HIGHER)[1];
        double log1pWan = Normalisers.minMax(Transforms.apply(Transform.LOG1P, wan), HIGHER)[1];
        assertThat(log1pYi).isCloseTo(100 * (Math.log(1.5) - Math.log(1.2)) / (Math.log(3) - Math.log(1.2)),
                within(TOLERANCE)).isCloseTo(24.35, within(0.005));
        assertThat(log1pWan).isCloseTo(39.79, within(0.005));
        double lnYi = Normalisers.minMax(Transforms.apply(Transform.LN, yi), HIGHER)[1];
        double lnWan = Normalisers.minMax(Transforms.apply(Transform.LN, wan), HIGHER)[1];
        assertThat(lnYi).isCloseTo(100 * Math.log(2.5) / Math.log(10), within(TOLERANCE));
        assertThat(lnWan).isCloseTo(lnYi, within(TOLERANCE));
    }

    /** Goalposts 10 and 10 000 亿元 under LN: GDP 316.23 (= 10^2.5) is half way on the log scale, 50. */
    @Test
    void goalpostsInRawUnitsAreTransformedWithTheValues() {
        IndicatorSpec spec = new IndicatorSpec("GDP", 1, HIGHER, Transform.LN, Normalisation.GOALPOST,
                Map.of(IndicatorSpec.MIN, 10.0, IndicatorSpec.MAX, 10_000.0));
        double[] values = Transforms.apply(Transform.LN, new double[] {Math.pow(10, 2.5), 5, 20_000, 10});
        double[] scores = Normalisers.normalise(values, spec.inTransformedUnits());
        assertThat(scores[0]).isCloseTo(50, within(1e-9));
        assertThat(scores[1]).isZero();        // below the lower goalpost, capped
        assertThat(scores[2]).isEqualTo(100);  // above the upper one, capped
        assertThat(scores[3]).isZero();
    }

    /** A target of 100 under LOG10 is 2: a value of 10 (log 1) reaches half of it. */
    @Test
    void aTargetIsTransformedWithTheValues() {
        IndicatorSpec spec = new IndicatorSpec("GDP_PER_WORKER", 1, HIGHER, Transform.LOG10, Normalisation.TARGET,
                Map.of(IndicatorSpec.TARGET, 100.0));
        double[] scores = Normalisers.normalise(Transforms.apply(Transform.LOG10, new double[] {10}),
                spec.inTransformedUnits());
        assertThat(scores[0]).isCloseTo(50, within(TOLERANCE));
    }

    // ---- the zero rule ---------------------------------------------------------------------------------------------

    /**
     * Scores 0 and 100, equal weights: FLOOR 1 √(1 × 100) = 10; FLOOR 5 √(5 × 100) = 22.36; SHIFT 1
     * √(1 × 101) − 1 = 9.05; EXCLUDE leaves the 0 out, 100. Scores 16 and 81: FLOOR 36, SHIFT 1 √(17 × 82) − 1.
     */
    @Test
    void eachZeroRuleByHand() {
        double[] zeroAndHundred = {0, 100};
        double[] equal = {1, 1};
        assertThat(Aggregators.geometric(ZeroRule.floor(1), zeroAndHundred, equal)).isCloseTo(10, within(TOLERANCE));
        assertThat(Aggregators.geometric(ZeroRule.floor(5), zeroAndHundred, equal))
                .isCloseTo(Math.sqrt(500), within(TOLERANCE));
        assertThat(Aggregators.geometric(ZeroRule.shift(1), zeroAndHundred, equal))
                .isCloseTo(Math.sqrt(101) - 1, within(TOLERANCE));
        assertThat(Aggregators.geometric(ZeroRule.exclude(), zeroAndHundred, equal)).isCloseTo(100, within(TOLERANCE));

        double[] squares = {16, 81};
        assertThat(Aggregators.geometric(ZeroRule.floor(1), squares, equal)).isCloseTo(36, within(TOLERANCE));
        assertThat(Aggregators.geometric(ZeroRule.shift(1), squares, equal))
                .isCloseTo(Math.sqrt(17 * 82) - 1, within(TOLERANCE));
        assertThat(Aggregators.geometric(ZeroRule.exclude(), squares, equal)).isCloseTo(36, within(TOLERANCE));
        // weights 1 : 3 under SHIFT 2: (18 × 83³)^(1/4) − 2
        assertThat(Aggregators.geometric(ZeroRule.shift(2), squares, new double[] {1, 3}))
                .isCloseTo(Math.pow(18 * Math.pow(83, 3), 0.25) - 2, within(TOLERANCE));
    }

    @Test
    void allZerosGiveTheFloorOrZero() {
        double[] zeros = {0, 0, 0};
        double[] weights = {1, 2, 3};
        assertThat(Aggregators.geometric(ZeroRule.floor(1), zeros, weights)).isEqualTo(1);
        assertThat(Aggregators.geometric(ZeroRule.shift(1), zeros, weights)).isZero();
        assertThat(Aggregators.geometric(ZeroRule.exclude(), zeros, weights)).isZero();
        assertThat(Aggregators.contributions(Aggregation.GEOMETRIC, ZeroRule.exclude(), zeros, weights))
                .containsExactly(0, 0, 0);
    }

    /** Contributions add up to the mean under every rule; a zero left out contributes nothing. */
    @Test
    void contributionsAddUpUnderEveryRule() {
        double[] values = {0, 0.5, 40, 100};
        double[] weights = {1, 2, 1.5, 0.5};
        for (ZeroRule rule : List.of(ZeroRule.floor(1), ZeroRule.floor(10), ZeroRule.shift(1), ZeroRule.shift(7),
                ZeroRule.exclude())) {
            double mean = Aggregators.mean(Aggregation.GEOMETRIC, rule, values, weights);
            double[] parts = Aggregators.contributions(Aggregation.GEOMETRIC, rule, values, weights);
            assertThat(parts[0] + parts[1] + parts[2] + parts[3]).as(rule.toString()).isCloseTo(mean, within(1e-9));
            assertThat(Arrays.stream(parts).min().orElseThrow()).as(rule.toString()).isGreaterThanOrEqualTo(0);
        }
        assertThat(Aggregators.contributions(Aggregation.GEOMETRIC, ZeroRule.exclude(), values, weights)[0]).isZero();
    }

    @Test
    void theValidatorChecksTheZeroRule() {
        assertThat(codes(withZeroRule(ZeroRule.shift(0.5)))).containsExactly("zeroRule.value:invalid-zero-rule");
        assertThat(codes(withZeroRule(new ZeroRule(ZeroRuleType.FLOOR, null))))
                .containsExactly("zeroRule.value:invalid-zero-rule");
        assertThat(codes(withZeroRule(new ZeroRule(ZeroRuleType.EXCLUDE, 1.0))))
                .containsExactly("zeroRule.value:invalid-zero-rule");
        assertThat(codes(withZeroRule(new ZeroRule(null, 1.0)))).containsExactly("zeroRule.type:required");
        assertThat(codes(withZeroRule(ZeroRule.shift(1)))).isEmpty();
        assertThat(codes(withZeroRule(ZeroRule.exclude()))).isEmpty();
    }

    @Test
    void aMethodologyWithoutOptionsFloorsAtOneAndImputesNothing() {
        Methodology plan = Methodology.plan2012(ZoneType.ETDZ);
        assertThat(plan.zeroRule()).isEqualTo(ZeroRule.DEFAULT).isEqualTo(ZeroRule.floor(1));
        assertThat(plan.imputation()).isEqualTo(Imputation.NONE);
    }

    // ---- imputation ------------------------------------------------------------------------------------------------

    /**
     * Economy = GDP and TAX, min-max, equal weights; zone D reported no GDP this period (250 the previous one).
     *
     * <pre>
     *            GDP   TAX   previous GDP
     *   A        100    10        90
     *   B        200    20       180
     *   C        300    30       280
     *   D          –    40       250
     *
     * NONE:          D's economy covers 1/2 &lt; 2/3: no pillar, unranked
     * PEER_MEDIAN:   D's GDP = median(100, 200, 300) = 200 → min-max 50;  economy (50 + 100) / 2 = 75
     * CARRY_FORWARD: D's GDP = 250                     → min-max 75;  economy (75 + 100) / 2 = 87.5
     * </pre>
     */
    @Test
    void eachImputationByHand() {
        ZoneScore none = imputationCase(Imputation.NONE).zone("D").orElseThrow();
        assertThat(none.ranked()).isFalse();
        assertThat(none.indicator("GDP").orElseThrow().availability()).isEqualTo(Availability.MISSING);

        ZoneScore median = imputationCase(Imputation.PEER_MEDIAN).zone("D").orElseThrow();
        assertThat(median.pillar(PillarCode.ECONOMY).orElseThrow().score()).isCloseTo(75, within(TOLERANCE));
        assertThat(median.indicator("GDP").orElseThrow()).isEqualTo(new IndicatorExplanation("GDP",
                PillarCode.ECONOMY, Availability.IMPUTED, null, null, 200.0, 50.0, 0.5, 25.0,
                median.indicator("GDP").orElseThrow().compositeContribution(), Imputation.PEER_MEDIAN, 200.0));
        assertThat(median.ranked()).isTrue();

        ZoneScore carried = imputationCase(Imputation.CARRY_FORWARD).zone("D").orElseThrow();
        assertThat(carried.pillar(PillarCode.ECONOMY).orElseThrow().score()).isCloseTo(87.5, within(TOLERANCE));
        IndicatorExplanation gdp = carried.indicator("GDP").orElseThrow();
        assertThat(gdp.availability()).isEqualTo(Availability.IMPUTED);
        assertThat(gdp.imputation()).isEqualTo(Imputation.CARRY_FORWARD);
        assertThat(gdp.imputed()).isEqualTo(250.0);
        assertThat(gdp.normalised()).isCloseTo(75, within(TOLERANCE));
        assertThat(gdp.raw()).isNull();
        // the reported zones are untouched by the method and keep their own values
        assertThat(carried.coverage()).isEqualTo(1);
        IndicatorExplanation reported = imputationCase(Imputation.CARRY_FORWARD).zone("A").orElseThrow()
                .indicator("GDP").orElseThrow();
        assertThat(reported.availability()).isEqualTo(Availability.PRESENT);
        assertThat(reported.imputation()).isNull();
    }

    /**
     * Carried forward, a derived indicator is computed from the previous period's inputs (SERV_SHARE 30 / 250 = 12 %);
     * a growth rate has no base the period before and stays missing.
     */
    @Test
    void derivedValuesAreCarriedForwardButGrowthIsNot() {
        Methodology methodology = options(Imputation.CARRY_FORWARD, List.of(
                IndicatorSpec.target("SERV_SHARE", 1, HIGHER, 30),
                IndicatorSpec.target("GDP_GROWTH", 1, HIGHER, 15),
                IndicatorSpec.minMax("TAX", 1, HIGHER)));
        Map<String, Map<String, Double>> values = Map.of("A", Map.of("GDP", 100.0, "SERV_VA", 30.0, "TAX", 1.0),
                "D", Map.of("TAX", 2.0));
        Map<String, Map<String, Double>> previous = Map.of("A", Map.of("GDP", 80.0),
                "D", Map.of("GDP", 250.0, "SERV_VA", 30.0));
        ZoneScore d = ScoringEngine.score(methodology, new PeerGroupData(List.of(zone("A"), zone("D")), values,
                previous)).zone("D").orElseThrow();
        IndicatorExplanation share = d.indicator("SERV_SHARE").orElseThrow();
        assertThat(share.availability()).isEqualTo(Availability.IMPUTED);
        assertThat(share.imputed()).isCloseTo(12, within(TOLERANCE));
        assertThat(share.normalised()).isCloseTo(40, within(TOLERANCE));
        assertThat(d.indicator("GDP_GROWTH").orElseThrow().availability()).isEqualTo(Availability.MISSING);
    }

    /** The peer median of 0, 0 and 5 is 0, which LN cannot take: the value stays missing, nothing is imputed. */
    @Test
    void aValueTheTransformCannotTakeIsNotImputed() {
        Methodology methodology = options(Imputation.PEER_MEDIAN, List.of(
                new IndicatorSpec("GDP", 1, HIGHER, Transform.LN, Normalisation.MINMAX, null)));
        Map<String, Map<String, Double>> values = Map.of("A", Map.of("GDP", 0.0), "B", Map.of("GDP", 0.0),
                "C", Map.of("GDP", 5.0), "D", Map.of());
        ScoringResult result = ScoringEngine.score(methodology, new PeerGroupData(
                List.of(zone("A"), zone("B"), zone("C"), zone("D")), values, null));
        assertThat(result.zone("D").orElseThrow().indicator("GDP").orElseThrow().availability())
                .isEqualTo(Availability.MISSING);
        assertThat(result.zone("A").orElseThrow().indicator("GDP").orElseThrow().availability())
                .isEqualTo(Availability.NOT_TRANSFORMABLE);
    }

    // ---- a composite reproduced from its formula -------------------------------------------------------------------

    /**
     * Every pillar one indicator in logs against goalposts in raw units (society min-max in logs), composite the
     * weighted geometric mean 3 : 2 : 2 : 1 : 1 under SHIFT 1, checked against the closed form to 1e-12.
     */
    @Test
    void aCompositeOfLoggedGoalpostsUnderAGeometricMeanFollowsItsFormula() {
        ScoringResult result = ScoringEngine.score(ClosedFormCase.methodology(), ClosedFormCase.peerGroup());
        for (String code : ClosedFormCase.ZONES) {
            double expected = ClosedFormCase.composite(code);
            assertThat(result.zone(code).orElseThrow().composite()).as(code).isCloseTo(expected, within(TOLERANCE));
        }
        // zone C sits on every lower goalpost: all pillars 0, the shifted mean is exp(0) − 1 = 0
        assertThat(result.zone("C").orElseThrow().composite()).isZero();
        assertThat(result.zones()).extracting(ZoneScore::zone).containsExactly("B", "A", "C");
    }

    // ---- properties ------------------------------------------------------------------------------------------------

    /** With random transforms on every normalisation, zero rules and imputations, the order of the zones is irrelevant. */
    @Test
    void reorderingTheZonesChangesNothingUnderAnyOption() {
        Random random = new Random(2016);
        for (int run = 0; run < 150; run++) {
            ZoneType type = random.nextBoolean() ? ZoneType.ETDZ : ZoneType.BECZ;
            Methodology methodology = withRandomOptions(random, RandomPeerGroups.methodology(random, type));
            PeerGroupData data = RandomPeerGroups.peerGroup(random, type);
            List<Zone> zones = new ArrayList<>(data.zones());
            Collections.shuffle(zones, random);
            PeerGroupData reordered = new PeerGroupData(zones, data.values(), data.previousValues());
            assertThat(ScoringEngine.score(methodology, reordered)).isEqualTo(ScoringEngine.score(methodology, data));
        }
    }

    private static Methodology withRandomOptions(Random random, Methodology methodology) {
        Transform[] transforms = {Transform.NONE, Transform.LOG1P, Transform.LN, Transform.LOG10};
        List<Pillar> pillars = new ArrayList<>();
        for (Pillar pillar : methodology.pillars()) {
            List<IndicatorSpec> specs = new ArrayList<>();
            for (IndicatorSpec spec : pillar.indicators()) {
                IndicatorSpec transformed = new IndicatorSpec(spec.code(), spec.weight(), spec.direction(),
                        transforms[random.nextInt(transforms.length)], spec.normalisation(), spec.parameters());
                specs.add(valid(transformed) ? transformed : spec);
            }
            pillars.add(new Pillar(pillar.code(), pillar.weight(), pillar.aggregation(), specs));
        }
        ZeroRule[] rules = {ZeroRule.floor(1), ZeroRule.floor(5), ZeroRule.shift(1), ZeroRule.exclude()};
        return new Methodology(methodology.id(), methodology.version(), methodology.zoneType(),
                methodology.compositeAggregation(), methodology.regionGrouping(), pillars,
                rules[random.nextInt(rules.length)], Imputation.values()[random.nextInt(Imputation.values().length)]);
    }

    private static boolean valid(IndicatorSpec spec) {
        return MethodologyValidator.validate(options(Imputation.NONE, List.of(spec))).isEmpty();
    }

    // ---- fixtures --------------------------------------------------------------------------------------------------

    private static ScoringResult imputationCase(Imputation imputation) {
        Methodology methodology = options(imputation, List.of(
                IndicatorSpec.minMax("GDP", 1, HIGHER), IndicatorSpec.minMax("TAX", 1, HIGHER)));
        Map<String, Map<String, Double>> values = new HashMap<>();
        values.put("A", withOtherPillars(Map.of("GDP", 100.0, "TAX", 10.0)));
        values.put("B", withOtherPillars(Map.of("GDP", 200.0, "TAX", 20.0)));
        values.put("C", withOtherPillars(Map.of("GDP", 300.0, "TAX", 30.0)));
        values.put("D", withOtherPillars(Map.of("TAX", 40.0)));
        Map<String, Map<String, Double>> previous = Map.of("A", Map.of("GDP", 90.0), "B", Map.of("GDP", 180.0),
                "C", Map.of("GDP", 280.0), "D", Map.of("GDP", 250.0));
        return ScoringEngine.score(methodology, new PeerGroupData(
                List.of(zone("D"), zone("C"), zone("B"), zone("A")), values, previous));
    }

    /** The values of the other pillars' indicators of {@link #options}, all 0, added to the economy's. */
    private static Map<String, Double> withOtherPillars(Map<String, Double> economy) {
        Map<String, Double> values = new HashMap<>(economy);
        for (String code : List.of("RD_CENTERS", "ISO14000", "SOCIAL_INS", "ONLINE_RATE")) {
            values.put(code, 0.0);
        }
        return values;
    }

    /** The given economy indicators, and one goalpost indicator in each other pillar (every zone scores 0 there). */
    private static Methodology options(Imputation imputation, List<IndicatorSpec> economy) {
        return new Methodology("options", "1", ZoneType.ETDZ, Aggregation.ARITHMETIC,
                RegionGrouping.STATISTICAL_REGIONS, List.of(
                    new Pillar(PillarCode.ECONOMY, 1, Aggregation.ARITHMETIC, economy),
                    new Pillar(PillarCode.INNOVATION, 1, Aggregation.ARITHMETIC,
                            List.of(IndicatorSpec.goalpost("RD_CENTERS", 1, HIGHER, 0, 10))),
                    new Pillar(PillarCode.ENVIRONMENT, 1, Aggregation.ARITHMETIC,
                            List.of(IndicatorSpec.goalpost("ISO14000", 1, HIGHER, 0, 1))),
                    new Pillar(PillarCode.SOCIETY, 1, Aggregation.ARITHMETIC,
                            List.of(IndicatorSpec.goalpost("SOCIAL_INS", 1, HIGHER, 0, 100))),
                    new Pillar(PillarCode.INSTITUTIONS, 1, Aggregation.ARITHMETIC,
                            List.of(IndicatorSpec.goalpost("ONLINE_RATE", 1, HIGHER, 0, 100)))),
                null, imputation);
    }

    private static Methodology withZeroRule(ZeroRule zeroRule) {
        Methodology plan = Methodology.plan2012(ZoneType.ETDZ);
        return new Methodology(plan.id(), plan.version(), plan.zoneType(), Aggregation.GEOMETRIC,
                plan.regionGrouping(), plan.pillars(), zeroRule, null);
    }

    private static List<String> codes(Methodology methodology) {
        return MethodologyValidator.validate(methodology).stream()
                .map(problem -> problem.field() + ":" + problem.code()).toList();
    }

    private static Zone zone(String code) {
        return new Zone(code, ZoneType.ETDZ, Region.EAST);
    }
}
