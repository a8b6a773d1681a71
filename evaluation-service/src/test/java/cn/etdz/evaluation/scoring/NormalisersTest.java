package cn.etdz.evaluation.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.Stream;

import static cn.etdz.evaluation.scoring.Direction.HIGHER;
import static cn.etdz.evaluation.scoring.Direction.LOWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed cases for every normaliser; tolerance 1e-9 on the 0–100 scale. NA = missing. */
class NormalisersTest {

    private static final double NA = Double.NaN;
    private static final double TOLERANCE = 1e-9;

    @Test
    void minMaxScalesThePeerGroupsRangeToZeroToHundred() {
        // min 10, max 40, range 30: 20 → 100 × 10/30 = 33.33…; lower-better mirrors: 100 × (40 − 20)/30 = 66.66…
        double[] values = {10, 20, 40, NA};
        assertScores(Normalisers.minMax(values, HIGHER), 0, 100.0 / 3, 100, NA);
        assertScores(Normalisers.minMax(values, LOWER), 100, 200.0 / 3, 0, NA);
    }

    static Stream<Arguments> nothingToSeparate() {
        return Stream.of(
                Arguments.of("all equal", new double[] {5, 5, 5}, new double[] {50, 50, 50}),
                Arguments.of("single zone", new double[] {7}, new double[] {50}),
                Arguments.of("single present value", new double[] {NA, 3, NA}, new double[] {NA, 50, NA}),
                // 0.1 + 0.1 + 0.1 = 0.30000000000000004: the mean is off by an ulp, the values are still equal
                Arguments.of("equal values with an inexact mean", new double[] {0.1, 0.1, 0.1},
                        new double[] {50, 50, 50}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nothingToSeparate")
    void peerRelativeMethodsGiveTheNeutralScoreWhenThereIsNothingToSeparate(String name, double[] values,
                                                                               double[] expected) {
        for (Direction direction : Direction.values()) {
            assertScores(Normalisers.minMax(values, direction), expected);
            assertScores(Normalisers.zScore(values, direction), expected);
            assertScores(Normalisers.rank(values, direction), expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Normalisation.class)
    void allMissingStaysAllMissing(Normalisation normalisation) {
        IndicatorSpec spec = switch (normalisation) {
            case MINMAX -> IndicatorSpec.minMax("GDP", 1, HIGHER);
            case GOALPOST -> IndicatorSpec.goalpost("GDP", 1, HIGHER, 0, 10);
            case ZSCORE -> IndicatorSpec.zScore("GDP", 1, HIGHER);
            case TARGET -> IndicatorSpec.target("GDP", 1, HIGHER, 10);
            case EFFICACY -> IndicatorSpec.efficacy("GDP", 1, HIGHER, 10, 5);
            case RANK -> IndicatorSpec.rank("GDP", 1, HIGHER);
        };
        assertScores(Normalisers.normalise(new double[] {NA, NA}, spec), NA, NA);
        assertThat(Normalisers.normalise(new double[0], spec)).isEmpty();
    }

    @Test
    void goalpostIsMinMaxBetweenFixedBoundsCapped() {
        // bounds 0 and 50: 25 → 100 × 25/50 = 50; −10 and 60 fall outside and are capped
        double[] values = {-10, 0, 25, 50, 60, NA};
        assertScores(Normalisers.goalpost(values, HIGHER, 0, 50), 0, 0, 50, 100, 100, NA);
        assertScores(Normalisers.goalpost(values, LOWER, 0, 50), 100, 100, 50, 0, 0, NA);
        // yes/no on goalposts 0–1
        assertScores(Normalisers.goalpost(new double[] {0, 1}, HIGHER, 0, 1), 0, 100);
    }

    @Test
    void goalpostNeedsMinBelowMax() {
        assertThatIllegalArgumentException().isThrownBy(() -> Normalisers.goalpost(new double[] {1}, HIGHER, 5, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> Normalisers.goalpost(new double[] {1}, HIGHER, 6, 5));
    }

    @Test
    void zScoreUsesThePopulationStandardDeviation() {
        // mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; variance 32/8 = 4; sd 2
        // z = −1.5, −0.5, −0.5, −0.5, 0, 0, 1, 2 → 50 + 10 z
        double[] values = {2, 4, 4, 4, 5, 5, 7, 9, NA};
        assertScores(Normalisers.zScore(values, HIGHER), 35, 45, 45, 45, 50, 50, 60, 70, NA);
        assertScores(Normalisers.zScore(values, LOWER), 65, 55, 55, 55, 50, 50, 40, 30, NA);
    }

    @Test
    void zScoreIsCappedAtFiveStandardDeviations() {
        // one 1 among n = 37 values: mean 1/37, sd = √36/37, so z = √36 = 6 for the 1 (capped: 110 → 100)
        // and −1/6 for each 0 (50 − 10/6)
        double[] values = new double[37];
        values[0] = 1;
        double[] scores = Normalisers.zScore(values, HIGHER);
        assertThat(scores[0]).isEqualTo(100);
        assertThat(scores[1]).isCloseTo(50 - 10.0 / 6, within(TOLERANCE));
    }

    static Stream<Arguments> targets() {
        return Stream.of(
                // higher is better, target 20: 100 × x / 20, capped to 0–100
                Arguments.of(HIGHER, 20.0, 10.0, 50.0),
                Arguments.of(HIGHER, 20.0, 20.0, 100.0),
                Arguments.of(HIGHER, 20.0, 30.0, 100.0),
                Arguments.of(HIGHER, 20.0, 0.0, 0.0),
                Arguments.of(HIGHER, 20.0, -5.0, 0.0),
                // lower is better, target 0.41 (the plan's energy intensity): 100 × 0.41 / x, capped at 100
                Arguments.of(LOWER, 0.41, 0.82, 50.0),
                Arguments.of(LOWER, 0.41, 1.64, 25.0),
                Arguments.of(LOWER, 0.41, 0.41, 100.0),
                Arguments.of(LOWER, 0.41, 0.2, 100.0),
                Arguments.of(LOWER, 0.41, 0.0, 100.0),
                Arguments.of(LOWER, 0.41, NA, NA));
    }

    @ParameterizedTest(name = "{0}, target {1}: {2} → {3}")
    @MethodSource("targets")
    void targetScoresTheDistanceToTarget(Direction direction, double target, double value, double expected) {
        assertScores(Normalisers.target(new double[] {value}, direction, target), expected);
    }

    @Test
    void targetMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> Normalisers.target(new double[] {1}, HIGHER, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Normalisers.target(new double[] {1}, LOWER, -1));
    }

    static Stream<Arguments> efficacies() {
        return Stream.of(
                // higher is better, satisfactory 100, impermissible 40: 60 + 40 (x − 40) / 60
                Arguments.of(HIGHER, 100.0, 40.0, 40.0, 60.0),
                Arguments.of(HIGHER, 100.0, 40.0, 70.0, 80.0),
                Arguments.of(HIGHER, 100.0, 40.0, 100.0, 100.0),
                Arguments.of(HIGHER, 100.0, 40.0, 130.0, 100.0),
                Arguments.of(HIGHER, 100.0, 40.0, 0.0, 60 - 40 * 40.0 / 60),
                Arguments.of(HIGHER, 100.0, 40.0, -60.0, 0.0),
                // lower is better (approval days), satisfactory 5, impermissible 30: 60 + 40 (x − 30) / (−25)
                Arguments.of(LOWER, 5.0, 30.0, 30.0, 60.0),
                Arguments.of(LOWER, 5.0, 30.0, 17.5, 80.0),
                Arguments.of(LOWER, 5.0, 30.0, 5.0, 100.0),
                Arguments.of(LOWER, 5.0, 30.0, 0.0, 100.0),
                Arguments.of(LOWER, 5.0, 30.0, 55.0, 20.0),
                Arguments.of(LOWER, 5.0, 30.0, NA, NA));
    }

    @ParameterizedTest(name = "{0}, satisfactory {1}, impermissible {2}: {3} → {4}")
    @MethodSource("efficacies")
    void efficacyIsSixtyAtImpermissibleAndHundredAtSatisfactory(Direction direction, double satisfactory,
                                                               double impermissible, double value, double expected) {
        assertScores(Normalisers.efficacy(new double[] {value}, direction, satisfactory, impermissible), expected);
    }

    @Test
    void efficacyNeedsTheSatisfactoryValueOnTheBetterSide() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Normalisers.efficacy(new double[] {1}, HIGHER, 40, 100));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Normalisers.efficacy(new double[] {1}, LOWER, 30, 5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Normalisers.efficacy(new double[] {1}, HIGHER, 5, 5));
    }

    @Test
    void rankIsThePercentileRankWithTiesSharingTheMidRank() {
        // n = 4 present: 10 has 0 worse → 0; each 20 has 1 worse and 1 tie → (1 + 0.5)/3 = 50; 40 has 3 worse → 100
        double[] values = {10, 20, 20, 40, NA};
        assertScores(Normalisers.rank(values, HIGHER), 0, 50, 50, 100, NA);
        assertScores(Normalisers.rank(values, LOWER), 100, 50, 50, 0, NA);
        // n = 3, no ties: 0, 1/2, 2/2
        assertScores(Normalisers.rank(new double[] {3, 1, 2}, HIGHER), 100, 0, 50);
    }

    @Test
    void normaliseDispatchesOnTheSpecification() {
        double[] values = {10, 20, 40};
        assertScores(Normalisers.normalise(values, IndicatorSpec.minMax("GDP", 1, LOWER)),
                Normalisers.minMax(values, LOWER));
        assertScores(Normalisers.normalise(values, IndicatorSpec.goalpost("GDP", 1, HIGHER, 0, 50)), 20, 40, 80);
        assertScores(Normalisers.normalise(values, IndicatorSpec.zScore("GDP", 1, HIGHER)),
                Normalisers.zScore(values, HIGHER));
        assertScores(Normalisers.normalise(values, IndicatorSpec.target("GDP", 1, HIGHER, 40)), 25, 50, 100);
        assertScores(Normalisers.normalise(values, IndicatorSpec.efficacy("GDP", 1, HIGHER, 40, 20)), 40, 60, 100);
        assertScores(Normalisers.normalise(values, IndicatorSpec.rank("GDP", 1, LOWER)), 100, 50, 0);
    }

    @Test
    void peerRelativeScoresDoNotDependOnTheUnitProperty() {
        // min-max, z-scores and ranks of c·x equal those of x for any c > 0: 200 seeded random peer groups
        Random random = new Random(20120501);
        for (int run = 0; run < 200; run++) {
            double[] values = new double[1 + random.nextInt(50)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble() < 0.1 ? NA : random.nextGaussian() * 100;
            }
            double c = Math.exp(random.nextGaussian() * 4);
            double[] scaled = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                scaled[i] = c * values[i];
            }
            for (Direction direction : Direction.values()) {
                assertScores(Normalisers.minMax(scaled, direction), Normalisers.minMax(values, direction));
                assertScores(Normalisers.zScore(scaled, direction), Normalisers.zScore(values, direction));
                assertScores(Normalisers.rank(scaled, direction), Normalisers.rank(values, direction));
            }
        }
    }

    private static void assertScores(double[] actual, double... expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as("score %d", i).isNaN();
            } else {
                assertThat(actual[i]).as("score %d", i).isCloseTo(expected[i], within(TOLERANCE));
            }
        }
    }
}
