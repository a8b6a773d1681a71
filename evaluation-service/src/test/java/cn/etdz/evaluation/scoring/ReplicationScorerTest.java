package cn.etdz.evaluation.scoring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scores-only path against the full engine, exactly (no tolerance): both run the same functions on the same values
 * in the same order, so every composite, pillar score and coverage is the same double and every rank the same. Over
 * 200 seeded random peer groups (1–40 zones, missing values, zeros, ties), one scorer per peer group scores six
 * methodologies in turn — random ones (every normalisation, transform and aggregation, a random zero rule and
 * imputation), their variants with other normalisations of the same indicators, and {@code plan-2012} with derived
 * indicators — so the columns it keeps from one methodology must never leak into another's scores.
 */
class ReplicationScorerTest {

    private static final int CASES = 200;

    @Test
    void givesExactlyTheEnginesScoresRanksAndCoverage() {
        Random random = new Random(20261130);
        int compared = 0;
        for (int run = 0; run < CASES; run++) {
            ZoneType type = random.nextBoolean() ? ZoneType.ETDZ : ZoneType.BECZ;
            PeerGroupData data = RandomPeerGroups.peerGroup(random, type);
            ReplicationScorer scorer = new ReplicationScorer(type, data);
            for (int m = 0; m < 3; m++) {
                Methodology any = withOptions(random, RandomPeerGroups.methodology(random, type));
                for (Methodology methodology : List.of(any, withOptions(random, RandomPeerGroups.minMaxMethodology(
                        random, type)), withOptions(random, Methodology.plan2012(type)))) {
                    assertSameScores(ScoringEngine.score(methodology, data), scorer.score(methodology));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(CASES * 9);
    }

    @Test
    void aColumnIsKeptPerNormalisationNotPerIndicator() {
        PeerGroupData data = RandomPeerGroups.peerGroup(new Random(3), ZoneType.ETDZ);
        ReplicationScorer scorer = new ReplicationScorer(ZoneType.ETDZ, data);
        Methodology minMax = Methodology.plan2012(ZoneType.ETDZ);
        Methodology ranked = normalisedBy(minMax, Normalisation.RANK);
        Methodology zScores = normalisedBy(minMax, Normalisation.ZSCORE);

        ReplicationScorer.Scores first = scorer.score(minMax);
        ReplicationScorer.Scores byRank = scorer.score(ranked);
        ReplicationScorer.Scores byZScore = scorer.score(zScores);

        assertThat(byRank.composites()).isNotEqualTo(first.composites());
        assertSameScores(ScoringEngine.score(ranked, data), byRank);
        assertSameScores(ScoringEngine.score(zScores, data), byZScore);
        assertSameScores(ScoringEngine.score(minMax, data), scorer.score(minMax));
    }

    @Test
    void refusesAnotherZoneTypeAnInvalidMethodologyAndBadData() {
        PeerGroupData data = RandomPeerGroups.peerGroup(new Random(5), ZoneType.ETDZ);
        ReplicationScorer scorer = new ReplicationScorer(ZoneType.ETDZ, data);

        assertThatThrownBy(() -> scorer.score(Methodology.plan2012(ZoneType.BECZ)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never mixed");
        Methodology noPillars = new Methodology("x", "1", ZoneType.ETDZ, Aggregation.ARITHMETIC, null, List.of());
        assertThatThrownBy(() -> scorer.score(noPillars))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid methodology");
        List<Zone> twice = new ArrayList<>(data.zones());
        twice.add(data.zones().get(0));
        assertThatThrownBy(() -> new ReplicationScorer(ZoneType.ETDZ, new PeerGroupData(twice, data.values(),
                data.previousValues()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than once");
    }

    /** The methodology with a random zero rule and imputation. */
    private static Methodology withOptions(Random random, Methodology methodology) {
        ZeroRule[] rules = {ZeroRule.DEFAULT, ZeroRule.floor(1 + 9 * random.nextDouble()),
            ZeroRule.shift(1 + 9 * random.nextDouble()), ZeroRule.exclude()};
        Imputation[] imputations = Imputation.values();
        return new Methodology(methodology.id(), methodology.version(), methodology.zoneType(),
                methodology.compositeAggregation(), methodology.regionGrouping(), methodology.pillars(),
                rules[random.nextInt(rules.length)], imputations[random.nextInt(imputations.length)]);
    }

    private static Methodology normalisedBy(Methodology methodology, Normalisation normalisation) {
        List<Pillar> pillars = new ArrayList<>();
        for (Pillar pillar : methodology.pillars()) {
            pillars.add(new Pillar(pillar.code(), pillar.weight(), pillar.aggregation(), pillar.indicators().stream()
                    .map(spec -> spec.normalisation().peerRelative() ? new IndicatorSpec(spec.code(), spec.weight(),
                            spec.direction(), spec.transform(), normalisation, null) : spec)
                    .toList()));
        }
        return new Methodology(methodology.id(), methodology.version(), methodology.zoneType(),
                methodology.compositeAggregation(), methodology.regionGrouping(), pillars);
    }

    private static void assertSameScores(ScoringResult full, ReplicationScorer.Scores fast) {
        List<ZoneScore> byCode = new ArrayList<>(full.zones());
        byCode.sort(Comparator.comparing(ZoneScore::zone));
        assertThat(fast.zones().stream().map(Zone::code).toList())
                .isEqualTo(byCode.stream().map(ZoneScore::zone).toList());
        for (int z = 0; z < byCode.size(); z++) {
            ZoneScore zone = byCode.get(z);
            String as = zone.zone();
            assertThat(fast.composites()[z]).as(as).isEqualTo(orNaN(zone.composite()));
            assertThat(fast.coverage()[z]).as(as).isEqualTo(Double.valueOf(zone.coverage()));
            assertThat(fast.nationalRanks()[z]).as(as).isEqualTo(zone.nationalRank() == null ? 0 : zone.nationalRank());
            assertThat(fast.regionRanks()[z]).as(as).isEqualTo(zone.regionRank() == null ? 0 : zone.regionRank());
            assertThat(fast.regionGroups()[z]).as(as).isEqualTo(zone.regionGroup());
            for (int p = 0; p < zone.pillars().size(); p++) {
                Double pillar = zone.pillars().get(p).score();
                assertThat(fast.pillarScores()[z][p]).as(as + " pillar " + p).isEqualTo(orNaN(pillar));
            }
        }
    }

    /** Boxed, so the comparison is {@link Double#equals}: the same bits, and NaN equal to NaN. */
    private static Double orNaN(Double value) {
        return value == null ? Double.valueOf(Double.NaN) : value;
    }
}
