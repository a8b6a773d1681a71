package cn.etdz.evaluation.scoring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Properties over 200 seeded random peer groups (1–40 zones, log-normal values with missing values, zeros and ties)
 * under random methodologies (every normalisation, both aggregations) and under {@code plan-2012}. Tolerance 1e-9.
 */
class ScoringPropertiesTest {

    private static final int CASES = 200;
    private static final double TOLERANCE = 1e-9;

    @Test
    void everyScoreIsWithinZeroToHundred() {
        forEachCase((methodology, data) -> {
            for (ZoneScore zone : ScoringEngine.score(methodology, data).zones()) {
                if (zone.composite() != null) {
                    assertThat(zone.composite()).isBetween(0.0, 100.0);
                }
                assertThat(zone.coverage()).isBetween(0.0, 1.0);
                for (PillarScore pillar : zone.pillars()) {
                    if (pillar.score() != null) {
                        assertThat(pillar.score()).isBetween(0.0, 100.0);
                    }
                }
                for (IndicatorExplanation indicator : zone.indicators()) {
                    if (indicator.normalised() != null) {
                        assertThat(indicator.normalised()).isBetween(0.0, 100.0);
                    }
                }
            }
        });
    }

    @Test
    void contributionsAddUpToTheScores() {
        forEachCase((methodology, data) -> {
            for (ZoneScore zone : ScoringEngine.score(methodology, data).zones()) {
                for (PillarScore pillar : zone.pillars()) {
                    if (pillar.score() != null) {
                        double sum = zone.indicators().stream().filter(i -> i.pillar() == pillar.pillar())
                                .filter(i -> i.pillarContribution() != null)
                                .mapToDouble(IndicatorExplanation::pillarContribution).sum();
                        assertThat(sum).isCloseTo(pillar.score(), within(TOLERANCE));
                        double weights = zone.indicators().stream().filter(i -> i.pillar() == pillar.pillar())
                                .mapToDouble(IndicatorExplanation::effectiveWeight).sum();
                        assertThat(weights).isCloseTo(1, within(TOLERANCE));
                    }
                }
                if (zone.composite() != null) {
                    assertThat(zone.pillars().stream().mapToDouble(PillarScore::compositeContribution).sum())
                            .isCloseTo(zone.composite(), within(TOLERANCE));
                    assertThat(zone.indicators().stream().filter(i -> i.compositeContribution() != null)
                            .mapToDouble(IndicatorExplanation::compositeContribution).sum())
                            .isCloseTo(zone.composite(), within(TOLERANCE));
                }
            }
        });
    }

    @Test
    void theMissingDataRuleDecidesWhoIsRanked() {
        forEachCase((methodology, data) -> {
            ScoringResult result = ScoringEngine.score(methodology, data);
            for (ZoneScore zone : result.zones()) {
                for (PillarScore pillar : zone.pillars()) {
                    assertThat(pillar.score() != null).isEqualTo(pillar.coverage() >= 2.0 / 3 - 1e-12);
                }
                boolean complete = zone.pillars().stream().allMatch(pillar -> pillar.score() != null);
                assertThat(zone.ranked()).isEqualTo(complete);
                assertThat(zone.nationalRank() != null).isEqualTo(complete);
                assertThat(zone.regionRank() != null).isEqualTo(complete);
                if (complete) {
                    // competition rank: one more than the number of zones clearly ahead
                    long ahead = result.zones().stream().filter(other -> other.composite() != null
                            && other.composite() - zone.composite() > Ranking.TIE_TOLERANCE).count();
                    assertThat(zone.nationalRank()).isEqualTo((int) ahead + 1);
                }
            }
        });
    }

    @Test
    void reorderingTheZonesChangesNothing() {
        Random shuffle = new Random(7);
        forEachCase((methodology, data) -> {
            List<Zone> zones = new ArrayList<>(data.zones());
            Collections.shuffle(zones, shuffle);
            PeerGroupData reordered = new PeerGroupData(zones, data.values(), data.previousValues());
            assertThat(ScoringEngine.score(methodology, reordered)).isEqualTo(ScoringEngine.score(methodology, data));
        });
    }

    @Test
    void improvingAHigherIsBetterValueNeverLowersThatZonesPillarScore() {
        Random random = new Random(2015);
        int checked = 0;
        for (int run = 0; run < CASES; run++) {
            ZoneType type = random.nextBoolean() ? ZoneType.ETDZ : ZoneType.BECZ;
            Methodology methodology = RandomPeerGroups.methodology(random, type);
            PeerGroupData data = RandomPeerGroups.peerGroup(random, type);
            Zone zone = data.zones().get(random.nextInt(data.zones().size()));
            for (int p = 0; p < methodology.pillars().size(); p++) {
                for (IndicatorSpec spec : methodology.pillars().get(p).indicators()) {
                    Double value = data.values().get(zone.code()).get(spec.code());
                    if (spec.direction() != Direction.HIGHER || value == null) {
                        continue;
                    }
                    double better = value * (1 + random.nextDouble()) + random.nextDouble() * 10;
                    Double before = pillarScore(methodology, data, zone, p);
                    Double after = pillarScore(methodology, with(data, zone, spec.code(), better), zone, p);
                    assertThat(after == null).isEqualTo(before == null);
                    if (before != null) {
                        assertThat(after).as("%s %s → %s", spec, value, better).isGreaterThanOrEqualTo(before - TOLERANCE);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(CASES);
    }

    @Test
    void minMaxScoresDoNotDependOnTheUnit() {
        Random random = new Random(1105);
        for (int run = 0; run < CASES; run++) {
            ZoneType type = random.nextBoolean() ? ZoneType.ETDZ : ZoneType.BECZ;
            Methodology methodology = RandomPeerGroups.minMaxMethodology(random, type);
            PeerGroupData data = RandomPeerGroups.peerGroup(random, type);
            Map<String, Double> factors = new HashMap<>();
            IndicatorCatalogue.PLAN.rawIndicators(type).forEach(code -> factors.put(code, Math.exp(3 * random.nextGaussian())));
            Map<String, Map<String, Double>> scaled = new HashMap<>();
            data.values().forEach((zone, values) -> {
                Map<String, Double> zoneValues = new HashMap<>();
                values.forEach((code, value) -> zoneValues.put(code, value * factors.get(code)));
                scaled.put(zone, zoneValues);
            });
            ScoringResult original = ScoringEngine.score(methodology, data);
            ScoringResult rescaled = ScoringEngine.score(methodology, new PeerGroupData(data.zones(), scaled, null));
            for (ZoneScore zone : original.zones()) {
                ZoneScore other = rescaled.zone(zone.zone()).orElseThrow();
                for (int i = 0; i < zone.indicators().size(); i++) {
                    Double expected = zone.indicators().get(i).normalised();
                    Double actual = other.indicators().get(i).normalised();
                    if (expected == null) {
                        assertThat(actual).isNull();
                    } else {
                        assertThat(actual).isCloseTo(expected, within(TOLERANCE));
                    }
                }
            }
        }
    }

    private interface Case {
        void check(Methodology methodology, PeerGroupData data);
    }

    /** Half the cases under a random methodology, half under plan-2012 (derived indicators included). */
    private static void forEachCase(Case check) {
        Random random = new Random(20111231);
        for (int run = 0; run < CASES; run++) {
            ZoneType type = random.nextBoolean() ? ZoneType.ETDZ : ZoneType.BECZ;
            Methodology methodology = run % 2 == 0 ? RandomPeerGroups.methodology(random, type)
                    : Methodology.plan2012(type);
            check.check(methodology, RandomPeerGroups.peerGroup(random, type));
        }
    }

    private static Double pillarScore(Methodology methodology, PeerGroupData data, Zone zone, int pillar) {
        return ScoringEngine.score(methodology, data).zone(zone.code()).orElseThrow().pillars().get(pillar).score();
    }

    private static PeerGroupData with(PeerGroupData data, Zone zone, String code, double value) {
        Map<String, Map<String, Double>> values = new HashMap<>(data.values());
        Map<String, Double> zoneValues = new HashMap<>(values.get(zone.code()));
        zoneValues.put(code, value);
        values.put(zone.code(), zoneValues);
        return new PeerGroupData(data.zones(), values, data.previousValues());
    }
}
