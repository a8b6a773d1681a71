package cn.etdz.indicator.submission;

import cn.etdz.common.problem.Violation;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlausibilityTest {

    private static SubmissionRequest request(double gdp, double socialInsurance) {
        return new SubmissionRequest("Z", "2015", List.of(
                new SubmissionRequest.Value("GDP", gdp, null, null),
                new SubmissionRequest.Value("SOCIAL_INS", socialInsurance, null, null)));
    }

    @Test
    void theModifiedZScoreFollowsItsFormula() {
        // sample 1,2,3,4,100: median 3; |deviations| 2,1,0,1,97 → MAD 1; z(100) = 0.6745·97/1 = 65.4265
        assertThat(Plausibility.modifiedZ(100, new double[]{1, 2, 3, 4, 100})).isCloseTo(65.4265, within(1e-9));
        // z(4) = 0.6745·1/1
        assertThat(Plausibility.modifiedZ(4, new double[]{1, 2, 3, 4, 100})).isCloseTo(0.6745, within(1e-12));
    }

    @Test
    void noZScoreWithoutEnoughPeersOrSpread() {
        assertThat(Plausibility.modifiedZ(100, new double[]{1, 2, 3, 100})).isNull();
        assertThat(Plausibility.modifiedZ(7, new double[]{5, 5, 5, 5, 7})).isNull();
    }

    @Test
    void aChangeBeyondFiftyPercentAgainstThePreviousYearIsAWarning() {
        var warnings = Plausibility.check(request(160, 90), SubmissionRulesTest.CATALOGUE,
                Map.of("GDP", 100.0, "SOCIAL_INS", 89.0), Map.of());
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("values[0].value");
            assertThat(w.code()).isEqualTo("large-change");
            assertThat(w.message()).isEqualTo("GDP changed by +60 % against 2014 (100 → 160).");
        });
        assertThat(Plausibility.check(request(150, 90), SubmissionRulesTest.CATALOGUE, Map.of("GDP", 100.0), Map.of()))
                .isEmpty();
        assertThat(Plausibility.check(request(40, 90), SubmissionRulesTest.CATALOGUE, Map.of("GDP", 100.0), Map.of()))
                .extracting(Violation::code).containsExactly("large-change");
    }

    @Test
    void aValueFarFromItsPeerGroupIsAnOutlierOnTheLogScaleForQuantities() {
        // GDP peers 100, 120, 150, 200, 250 and this zone's 50 000: far out on the log scale.
        double[] gdpPeers = {100, 120, 150, 200, 250, 50_000};
        // A zone 10× the median is not an outlier on the log scale when peers spread that widely.
        double[] widePeers = {10, 30, 100, 300, 1000, 1000};
        var warnings = Plausibility.check(request(50_000, 90), SubmissionRulesTest.CATALOGUE, Map.of(),
                Map.of("GDP", Plausibility.PeerStats.of(gdpPeers, true)));
        assertThat(warnings).extracting(Violation::code).containsExactly("outlier");
        assertThat(warnings.get(0).message()).contains("median 173.21");
        assertThat(Plausibility.check(request(1000, 90), SubmissionRulesTest.CATALOGUE, Map.of(),
                Map.of("GDP", Plausibility.PeerStats.of(widePeers, true)))).isEmpty();
    }

    @Test
    void aCachedSampleWithASubmissionsValuesGivesExactlyTheStatsOfTheWholeSample() {
        Random random = new Random(2012);
        for (int round = 0; round < 500; round++) {
            boolean log = random.nextBoolean();
            Map<String, Double> stored = new HashMap<>();
            int zones = random.nextInt(12);
            for (int z = 0; z < zones; z++) {
                // ties, zeros (left out on the log scale) and negatives included
                stored.put("Z" + z, random.nextInt(4) == 0 ? random.nextInt(3) - 1.0 : Math.exp(random.nextGaussian() * 3));
            }
            Map<String, Double> overlay = new HashMap<>();
            int replaced = random.nextInt(random.nextBoolean() ? 3 : 40);
            for (int i = 0; i < replaced; i++) {
                overlay.put("Z" + random.nextInt(zones + 30), random.nextInt(5) == 0 ? 0.0 : Math.exp(random.nextGaussian() * 3));
            }
            Map<String, Double> whole = new HashMap<>(stored);
            whole.putAll(overlay);
            var expected = Plausibility.PeerStats.of(whole.values().stream().mapToDouble(Double::doubleValue).toArray(), log);
            assertThat(Plausibility.PeerSample.of(stored, log).with(overlay)).isEqualTo(expected);
        }
    }

    @Test
    void theMedianAbsoluteDeviationOfAnEvenSampleAveragesItsTwoMiddleDeviations() {
        // 1, 2, 4, 8, 16, 32: median 6; deviations 5, 4, 2, 2, 10, 26 → sorted 2, 2, 4, 5, 10, 26 → MAD 4.5
        var stats = Plausibility.PeerStats.of(new double[]{32, 1, 16, 2, 8, 4}, false);
        assertThat(stats.median()).isEqualTo(6.0);
        assertThat(stats.mad()).isEqualTo(4.5);
    }
}
