package cn.etdz.evaluation.scoring;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.etdz.evaluation.scoring.Direction.HIGHER;
import static cn.etdz.evaluation.scoring.Direction.LOWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * A peer group of four ETDZ worked on paper, tolerance 1e-9. Methodology: pillar weights 4 : 2 : 2 : 1 : 1 (shares
 * 0.4, 0.2, 0.2, 0.1, 0.1), arithmetic throughout, one normalisation of each kind.
 *
 * <pre>
 *            GDP  SERV_VA  RD_CENTERS  ISO14000  ENERGY  SOCIAL_INS  APPROVAL_DAYS   region
 *   A        100       30          10         1      40         100              1   EAST
 *   B        300       45          20         0     180          70              5   EAST
 *   C        200       80          20         1     160          40              1   WEST
 *   D          –        –           5         0       –          10              5   CENTRAL
 *
 * economy (0.4)      GDP min-max over 100..300:           A 0, B 100, C 50, D –
 *                    SERV_SHARE 30, 15, 40 target 30:     A 100, B 50, C 100 (133 capped), D –
 *                    equal weights:                       A 50, B 75, C 75, D none (coverage 0)
 * innovation (0.2)   RD_CENTERS rank of 10, 20, 20, 5:    A 1/3, B C (2 + ½)/3, D 0 → A 33.33, B C 83.33, D 0
 * environment (0.2)  ISO14000 goalpost 0–1, weight 1:     A 100, B 0, C 100, D 0
 *                    ENERGY_INTENSITY 0.4, 0.6, 0.8 min-max lower, weight 2: A 100, B 50, C 0, D –
 *                                                         A 100, B 33.33, C 33.33, D none (coverage 1/3)
 * society (0.1)      SOCIAL_INS efficacy 100 / 40:        A 100, B 80, C 60, D 40
 * institutions (0.1) APPROVAL_DAYS z-score lower, mean 3, sd 2: A C 60, B D 40
 *
 * composite A = 20 + 20/3 + 20 + 10 + 6   = 188/3 = 62.67
 *           B = 30 + 50/3 + 20/3 + 8 + 4  = 196/3 = 65.33
 *           C = 30 + 50/3 + 20/3 + 6 + 6  = 196/3 = 65.33  (tied with B)
 *           D unranked, coverage 0.4·0 + 0.2·1 + 0.2·⅓ + 0.1 + 0.1 = 7/15
 * </pre>
 */
class ScoringEngineTest {

    private static final double TOLERANCE = 1e-9;

    static Methodology worked(Aggregation composite) {
        return new Methodology("worked", "1", ZoneType.ETDZ, composite, RegionGrouping.STATISTICAL_REGIONS, List.of(
                new Pillar(PillarCode.ECONOMY, 4, Aggregation.ARITHMETIC, List.of(
                        IndicatorSpec.minMax("GDP", 1, HIGHER),
                        IndicatorSpec.target("SERV_SHARE", 1, HIGHER, 30))),
                new Pillar(PillarCode.INNOVATION, 2, Aggregation.ARITHMETIC, List.of(
                        IndicatorSpec.rank("RD_CENTERS", 1, HIGHER))),
                new Pillar(PillarCode.ENVIRONMENT, 2, Aggregation.ARITHMETIC, List.of(
                        IndicatorSpec.goalpost("ISO14000", 1, HIGHER, 0, 1),
                        IndicatorSpec.minMax("ENERGY_INTENSITY", 2, LOWER))),
                new Pillar(PillarCode.SOCIETY, 1, Aggregation.ARITHMETIC, List.of(
                        IndicatorSpec.efficacy("SOCIAL_INS", 1, HIGHER, 100, 40))),
                new Pillar(PillarCode.INSTITUTIONS, 1, Aggregation.ARITHMETIC, List.of(
                        IndicatorSpec.zScore("APPROVAL_DAYS", 1, LOWER)))));
    }

    static PeerGroupData workedPeerGroup() {
        Map<String, Map<String, Double>> values = new HashMap<>();
        values.put("A", Map.of("GDP", 100.0, "SERV_VA", 30.0, "RD_CENTERS", 10.0, "ISO14000", 1.0, "ENERGY", 40.0,
                "SOCIAL_INS", 100.0, "APPROVAL_DAYS", 1.0));
        values.put("B", Map.of("GDP", 300.0, "SERV_VA", 45.0, "RD_CENTERS", 20.0, "ISO14000", 0.0, "ENERGY", 180.0,
                "SOCIAL_INS", 70.0, "APPROVAL_DAYS", 5.0));
        values.put("C", Map.of("GDP", 200.0, "SERV_VA", 80.0, "RD_CENTERS", 20.0, "ISO14000", 1.0, "ENERGY", 160.0,
                "SOCIAL_INS", 40.0, "APPROVAL_DAYS", 1.0));
        values.put("D", Map.of("RD_CENTERS", 5.0, "ISO14000", 0.0, "SOCIAL_INS", 10.0, "APPROVAL_DAYS", 5.0));
        return new PeerGroupData(List.of(
                new Zone("D", ZoneType.ETDZ, Region.CENTRAL),
                new Zone("A", ZoneType.ETDZ, Region.EAST),
                new Zone("C", ZoneType.ETDZ, Region.WEST),
                new Zone("B", ZoneType.ETDZ, Region.EAST)), values, null);
    }

    @Test
    void pillarScores() {
        ScoringResult result = ScoringEngine.score(worked(Aggregation.ARITHMETIC), workedPeerGroup());
        assertPillars(result.zone("A").orElseThrow(), 50, 100.0 / 3, 100, 100, 60);
        assertPillars(result.zone("B").orElseThrow(), 75, 250.0 / 3, 100.0 / 3, 80, 40);
        assertPillars(result.zone("C").orElseThrow(), 75, 250.0 / 3, 100.0 / 3, 60, 60);
        assertPillars(result.zone("D").orElseThrow(), null, 0.0, null, 40, 40);
    }

    @Test
    void compositesRanksAndCoverage() {
        ScoringResult result = ScoringEngine.score(worked(Aggregation.ARITHMETIC), workedPeerGroup());

        assertThat(result.zones()).extracting(ZoneScore::zone).containsExactly("B", "C", "A", "D");
        ZoneScore a = result.zone("A").orElseThrow();
        ZoneScore b = result.zone("B").orElseThrow();
        ZoneScore c = result.zone("C").orElseThrow();
        ZoneScore d = result.zone("D").orElseThrow();
        assertThat(a.composite()).isCloseTo(188.0 / 3, within(TOLERANCE));
        assertThat(b.composite()).isCloseTo(196.0 / 3, within(TOLERANCE));
        assertThat(c.composite()).isCloseTo(196.0 / 3, within(TOLERANCE));
        // B and C tie for first; A is third, not second
        assertThat(List.of(b.nationalRank(), c.nationalRank(), a.nationalRank())).containsExactly(1, 1, 3);
        // EAST: B then A; WEST: C alone
        assertThat(List.of(b.regionRank(), a.regionRank(), c.regionRank())).containsExactly(1, 2, 1);
        assertThat(a.regionGroup()).isEqualTo("EAST");

        assertThat(d.ranked()).isFalse();
        assertThat(d.composite()).isNull();
        assertThat(d.nationalRank()).isNull();
        assertThat(d.regionRank()).isNull();
        assertThat(d.coverage()).isCloseTo(7.0 / 15, within(TOLERANCE));
        assertThat(a.coverage()).isCloseTo(1, within(TOLERANCE));
        assertThat(d.pillar(PillarCode.ENVIRONMENT).orElseThrow().coverage()).isCloseTo(1.0 / 3, within(TOLERANCE));
        assertThat(a.pillars()).extracting(PillarScore::weight).containsExactly(0.4, 0.2, 0.2, 0.1, 0.1);
    }

    @Test
    void explanationOfARankedZone() {
        ZoneScore a = ScoringEngine.score(worked(Aggregation.ARITHMETIC), workedPeerGroup()).zone("A").orElseThrow();

        assertThat(a.indicators()).extracting(IndicatorExplanation::indicator).containsExactly("GDP", "SERV_SHARE",
                "RD_CENTERS", "ISO14000", "ENERGY_INTENSITY", "SOCIAL_INS", "APPROVAL_DAYS");
        // GDP: raw, min of the peer group → 0; half of the economy pillar
        assertThat(a.indicator("GDP").orElseThrow()).isEqualTo(new IndicatorExplanation("GDP", PillarCode.ECONOMY,
                Availability.PRESENT, 100.0, null, 100.0, 0.0, 0.5, 0.0, 0.0));
        // SERV_SHARE: derived 30 = target → 100; ½ · 100 = 50 of the pillar's 50; 0.4 · 50 = 20 of the composite
        IndicatorExplanation share = a.indicator("SERV_SHARE").orElseThrow();
        assertThat(share.raw()).isNull();
        assertThat(share.derived()).isCloseTo(30, within(TOLERANCE));
        assertThat(share.normalised()).isCloseTo(100, within(TOLERANCE));
        assertThat(share.pillarContribution()).isCloseTo(50, within(TOLERANCE));
        assertThat(share.compositeContribution()).isCloseTo(20, within(TOLERANCE));
        // ENERGY_INTENSITY: weight 2 of 3, 100 → ⅔ · 100 of the pillar's 100; 0.2 · ⅔ · 100 of the composite
        IndicatorExplanation energy = a.indicator("ENERGY_INTENSITY").orElseThrow();
        assertThat(energy.derived()).isCloseTo(0.4, within(TOLERANCE));
        assertThat(energy.effectiveWeight()).isCloseTo(2.0 / 3, within(TOLERANCE));
        assertThat(energy.pillarContribution()).isCloseTo(200.0 / 3, within(TOLERANCE));
        assertThat(energy.compositeContribution()).isCloseTo(40.0 / 3, within(TOLERANCE));
        assertThat(a.indicators().stream().mapToDouble(IndicatorExplanation::compositeContribution).sum())
                .isCloseTo(188.0 / 3, within(TOLERANCE));
    }

    @Test
    void explanationOfAnUnrankedZone() {
        ZoneScore d = ScoringEngine.score(worked(Aggregation.ARITHMETIC), workedPeerGroup()).zone("D").orElseThrow();

        // missing input: no value, no weight, no contribution
        assertThat(d.indicator("GDP").orElseThrow()).isEqualTo(new IndicatorExplanation("GDP", PillarCode.ECONOMY,
                Availability.MISSING, null, null, null, null, 0.0, null, null));
        assertThat(d.indicator("SERV_SHARE").orElseThrow().availability()).isEqualTo(Availability.MISSING);
        // present, in a scored pillar, but no composite to contribute to
        assertThat(d.indicator("RD_CENTERS").orElseThrow()).isEqualTo(new IndicatorExplanation("RD_CENTERS",
                PillarCode.INNOVATION, Availability.PRESENT, 5.0, null, 5.0, 0.0, 1.0, 0.0, null));
        // present, but its pillar has too little coverage to be scored
        assertThat(d.indicator("ISO14000").orElseThrow()).isEqualTo(new IndicatorExplanation("ISO14000",
                PillarCode.ENVIRONMENT, Availability.PRESENT, 0.0, null, 0.0, 0.0, 0.0, null, null));
    }

    @Test
    void geometricComposite() {
        ScoringResult result = ScoringEngine.score(worked(Aggregation.GEOMETRIC), workedPeerGroup());
        ZoneScore a = result.zone("A").orElseThrow();
        double expected = Math.pow(50, 0.4) * Math.pow(100.0 / 3, 0.2) * Math.pow(100, 0.2) * Math.pow(100, 0.1)
                * Math.pow(60, 0.1);
        assertThat(a.composite()).isCloseTo(expected, within(TOLERANCE));
        // contributions are shares of ln G: economy's is 0.4 ln 50 / ln G of G
        assertThat(a.pillar(PillarCode.ECONOMY).orElseThrow().compositeContribution())
                .isCloseTo(expected * 0.4 * Math.log(50) / Math.log(expected), within(TOLERANCE));
        assertThat(a.pillars().stream().mapToDouble(PillarScore::compositeContribution).sum())
                .isCloseTo(expected, within(TOLERANCE));
        assertThat(a.indicators().stream().mapToDouble(IndicatorExplanation::compositeContribution).sum())
                .isCloseTo(expected, within(TOLERANCE));
    }

    @Test
    void growthRatesComeFromThePreviousPeriod() {
        Methodology methodology = new Methodology("growth", "1", ZoneType.BECZ, Aggregation.ARITHMETIC, null,
                List.of(PillarCode.values()).stream().map(code -> new Pillar(code, 1, Aggregation.ARITHMETIC,
                        List.of(IndicatorSpec.target(switch (code) {
                            case ECONOMY -> "GDP_GROWTH";
                            case INNOVATION -> "FDI_GROWTH";
                            case ENVIRONMENT -> "TAX_GROWTH";
                            case SOCIETY -> "BORDER_TRADE";
                            case INSTITUTIONS -> "PORT_THROUGHPUT";
                        }, 1, HIGHER, 20)))).toList());
        PeerGroupData data = new PeerGroupData(List.of(new Zone("DONGXING", ZoneType.BECZ, Region.WEST)),
                Map.of("DONGXING", Map.of("GDP", 60.0, "FDI", 1.0, "TAX", 9.0, "BORDER_TRADE", 10.0,
                        "PORT_THROUGHPUT", 40.0)),
                Map.of("DONGXING", Map.of("GDP", 50.0, "FDI", 1.0, "TAX", 10.0)));
        ZoneScore zone = ScoringEngine.score(methodology, data).zones().get(0);
        // GDP +20 % → 100; FDI +0 % → 0; TAX −10 % → 0; 10 / 20 → 50; 40 / 20 → 100
        assertThat(zone.pillars().stream().mapToDouble(PillarScore::score).toArray())
                .containsExactly(new double[] {100, 0, 0, 50, 100}, within(TOLERANCE));
        assertThat(zone.indicator("GDP_GROWTH").orElseThrow().derived()).isCloseTo(20, within(TOLERANCE));
        assertThat(zone.composite()).isCloseTo(50, within(TOLERANCE));
        assertThat(zone.nationalRank()).isEqualTo(1);
    }

    @Test
    void aNegativeLevelCannotBeLogged() {
        Methodology oneLog = new Methodology("log", "1", ZoneType.ETDZ, Aggregation.ARITHMETIC, null, List.of(
                new Pillar(PillarCode.ECONOMY, 1, Aggregation.ARITHMETIC, List.of(
                        IndicatorSpec.logMinMax("GDP", 1, HIGHER))),
                new Pillar(PillarCode.INNOVATION, 1, Aggregation.ARITHMETIC, List.of(
                        IndicatorSpec.minMax("RD_EXP", 1, HIGHER))),
                new Pillar(PillarCode.ENVIRONMENT, 1, Aggregation.ARITHMETIC, List.of(
                        IndicatorSpec.minMax("ENERGY", 1, LOWER))),
                new Pillar(PillarCode.SOCIETY, 1, Aggregation.ARITHMETIC, List.of(
                        IndicatorSpec.minMax("EMPLOYEES", 1, HIGHER))),
                new Pillar(PillarCode.INSTITUTIONS, 1, Aggregation.ARITHMETIC, List.of(
                        IndicatorSpec.minMax("ONLINE_RATE", 1, HIGHER)))));
        Map<String, Double> common = Map.of("RD_EXP", 1.0, "ENERGY", 1.0, "EMPLOYEES", 1.0, "ONLINE_RATE", 1.0);
        Map<String, Double> bad = new HashMap<>(common);
        bad.put("GDP", -3.0);
        Map<String, Double> good = new HashMap<>(common);
        good.put("GDP", Math.E - 1);
        ScoringResult result = ScoringEngine.score(oneLog, new PeerGroupData(List.of(
                new Zone("BAD", ZoneType.ETDZ, Region.EAST), new Zone("GOOD", ZoneType.ETDZ, Region.EAST)),
                Map.of("BAD", bad, "GOOD", good), null));

        IndicatorExplanation gdp = result.zone("BAD").orElseThrow().indicator("GDP").orElseThrow();
        assertThat(gdp.availability()).isEqualTo(Availability.NOT_TRANSFORMABLE);
        assertThat(gdp.raw()).isEqualTo(-3.0);
        assertThat(gdp.transformed()).isNull();
        assertThat(result.zone("BAD").orElseThrow().ranked()).isFalse();
        // alone in the peer group after the transform: ln(1 + e − 1) = 1, zero range → 50
        IndicatorExplanation logged = result.zone("GOOD").orElseThrow().indicator("GDP").orElseThrow();
        assertThat(logged.transformed()).isCloseTo(1, within(TOLERANCE));
        assertThat(logged.normalised()).isEqualTo(50);
    }

    @Test
    void anEmptyPeerGroupHasNoScores() {
        ScoringResult result = ScoringEngine.score(Methodology.plan2012(ZoneType.ETDZ), new PeerGroupData(null, null,
                null));
        assertThat(result.zones()).isEmpty();
        assertThat(result.methodologyId()).isEqualTo("plan-2012");
        assertThat(result.zoneType()).isEqualTo(ZoneType.ETDZ);
    }

    @Test
    void peerGroupsAreNeverMixed() {
        PeerGroupData mixed = new PeerGroupData(List.of(new Zone("A", ZoneType.ETDZ, Region.EAST),
                new Zone("MANZHOULI", ZoneType.BECZ, Region.NORTHEAST)), Map.of(), Map.of());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ScoringEngine.score(Methodology.plan2012(ZoneType.ETDZ), mixed))
                .withMessageContaining("MANZHOULI is BECZ");
    }

    @Test
    void rejectsBadInput() {
        Methodology plan = Methodology.plan2012(ZoneType.ETDZ);
        Zone a = new Zone("A", ZoneType.ETDZ, Region.EAST);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ScoringEngine.score(plan, new PeerGroupData(List.of(a, a), null, null)))
                .withMessageContaining("more than once");
        assertThatIllegalArgumentException().isThrownBy(() -> ScoringEngine.score(plan,
                        new PeerGroupData(List.of(a), Map.of("A", Map.of("GDP", Double.NaN)), null)))
                .withMessageContaining("A: GDP is NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> ScoringEngine.score(plan, new PeerGroupData(
                        List.of(new Zone("A", ZoneType.ETDZ, null)), null, null)))
                .withMessageContaining("region");
        Methodology invalid = new Methodology("x", "1", ZoneType.ETDZ, Aggregation.ARITHMETIC, null, List.of());
        assertThatIllegalArgumentException().isThrownBy(() -> ScoringEngine.score(invalid, workedPeerGroup()))
                .withMessageContaining("missing-pillar");
    }

    @Test
    void planRegionGroupsPutTheNortheastWithTheCentre() {
        Methodology methodology = new Methodology("worked", "1", ZoneType.ETDZ, Aggregation.ARITHMETIC,
                RegionGrouping.PLAN_GROUPS, worked(Aggregation.ARITHMETIC).pillars());
        PeerGroupData peers = workedPeerGroup();
        PeerGroupData moved = new PeerGroupData(List.of(new Zone("A", ZoneType.ETDZ, Region.NORTHEAST),
                new Zone("B", ZoneType.ETDZ, Region.CENTRAL), new Zone("C", ZoneType.ETDZ, Region.EAST)),
                peers.values(), null);
        ScoringResult result = ScoringEngine.score(methodology, moved);
        assertThat(result.zone("A").orElseThrow().regionGroup()).isEqualTo("CENTRAL_NORTHEAST");
        assertThat(result.zone("C").orElseThrow().regionGroup()).isEqualTo("EAST_COASTAL");
        // A and B share a group; B is ahead
        assertThat(result.zone("B").orElseThrow().regionRank()).isEqualTo(1);
        assertThat(result.zone("A").orElseThrow().regionRank()).isEqualTo(2);
        assertThat(result.zone("C").orElseThrow().regionRank()).isEqualTo(1);
    }

    @Test
    void planTwentyTwelveScoresACompletePeerGroup() {
        Map<String, Double> base = new HashMap<>();
        IndicatorCatalogue.PLAN.rawIndicators(ZoneType.ETDZ).forEach(code -> base.put(code, 10.0));
        base.put("GDP", 100.0);
        Map<String, Double> bigger = new HashMap<>(base);
        bigger.put("GDP", 200.0);
        ScoringResult result = ScoringEngine.score(Methodology.plan2012(ZoneType.ETDZ), new PeerGroupData(
                List.of(new Zone("SMALL", ZoneType.ETDZ, Region.WEST), new Zone("BIG", ZoneType.ETDZ, Region.EAST)),
                Map.of("SMALL", base, "BIG", bigger), Map.of("SMALL", base, "BIG", base)));
        assertThat(result.zones()).allSatisfy(zone -> {
            assertThat(zone.ranked()).isTrue();
            assertThat(zone.coverage()).isCloseTo(1, within(TOLERANCE));
            assertThat(zone.indicators()).hasSize(28).allMatch(i -> i.availability() == Availability.PRESENT);
        });
        // BIG: GDP 200 vs 100 → GDP min-max 100, growth +100 % → capped 100, per-worker 20 / 40 → 50 (SMALL 25)
        ZoneScore big = result.zone("BIG").orElseThrow();
        assertThat(big.indicator("GDP_PER_WORKER").orElseThrow().normalised()).isCloseTo(50, within(TOLERANCE));
        assertThat(result.zone("SMALL").orElseThrow().indicator("GDP_PER_WORKER").orElseThrow().normalised())
                .isCloseTo(25, within(TOLERANCE));
        assertThat(big.nationalRank()).isEqualTo(1);
    }

    private static void assertPillars(ZoneScore zone, Object... expected) {
        assertThat(zone.pillars()).extracting(PillarScore::pillar).containsExactly(PillarCode.values());
        for (int p = 0; p < expected.length; p++) {
            Double score = zone.pillars().get(p).score();
            if (expected[p] == null) {
                assertThat(score).as("%s %s", zone.zone(), PillarCode.values()[p]).isNull();
            } else {
                assertThat(score).as("%s %s", zone.zone(), PillarCode.values()[p])
                        .isCloseTo(((Number) expected[p]).doubleValue(), within(TOLERANCE));
            }
        }
    }
}
