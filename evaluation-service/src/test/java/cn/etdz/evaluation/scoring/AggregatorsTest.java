package cn.etdz.evaluation.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed weighted means; tolerance 1e-9. */
class AggregatorsTest {

    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> arithmetic() {
        return Stream.of(
                // (60 + 80 + 2·90) / 4 = 320 / 4
                Arguments.of(new double[] {60, 80, 90}, new double[] {1, 1, 2}, 80.0),
                Arguments.of(new double[] {50}, new double[] {3}, 50.0),
                // (0 + 3·100) / 4
                Arguments.of(new double[] {0, 100}, new double[] {1, 3}, 75.0),
                // weights already summing to 1: 2 + 6 + 15
                Arguments.of(new double[] {10, 20, 30}, new double[] {0.2, 0.3, 0.5}, 23.0));
    }

    @ParameterizedTest
    @MethodSource("arithmetic")
    void arithmeticMean(double[] values, double[] weights, double expected) {
        assertThat(Aggregators.arithmetic(values, weights)).isCloseTo(expected, within(TOLERANCE));
        assertThat(Aggregators.mean(Aggregation.ARITHMETIC, values, weights)).isCloseTo(expected, within(TOLERANCE));
    }

    static Stream<Arguments> geometric() {
        return Stream.of(
                // 16^(1/4) · 81^(3/4) = 2 · 27
                Arguments.of(new double[] {16, 81}, new double[] {1, 3}, 54.0),
                // √(20 · 80)
                Arguments.of(new double[] {20, 80}, new double[] {1, 1}, 40.0),
                Arguments.of(new double[] {50}, new double[] {2}, 50.0),
                // floor: √(max(0, 1) · 100) = 10
                Arguments.of(new double[] {0, 100}, new double[] {1, 1}, 10.0),
                // every component at the floor: 1
                Arguments.of(new double[] {0, 0.5}, new double[] {1, 2}, 1.0));
    }

    @ParameterizedTest
    @MethodSource("geometric")
    void geometricMeanWithAFloorOfOne(double[] values, double[] weights, double expected) {
        assertThat(Aggregators.geometric(values, weights)).isCloseTo(expected, within(TOLERANCE));
        assertThat(Aggregators.mean(Aggregation.GEOMETRIC, values, weights)).isCloseTo(expected, within(TOLERANCE));
    }

    @Test
    void arithmeticContributionsAreWeightedValues() {
        // 1/4 · 60, 1/4 · 80, 2/4 · 90
        assertThat(Aggregators.contributions(Aggregation.ARITHMETIC, new double[] {60, 80, 90}, new double[] {1, 1, 2}))
                .containsExactly(new double[] {15, 20, 45}, within(TOLERANCE));
    }

    @Test
    void geometricContributionsAreSharesOfTheLogarithm() {
        // G = 54, ln G = ¼ ln 16 + ¾ ln 81 = ln 2 + ln 27: the shares are ln 2 / ln 54 and ln 27 / ln 54 of 54
        assertThat(Aggregators.contributions(Aggregation.GEOMETRIC, new double[] {16, 81}, new double[] {1, 3}))
                .containsExactly(new double[] {54 * Math.log(2) / Math.log(54), 54 * Math.log(27) / Math.log(54)},
                        within(TOLERANCE));
        // all at the floor: G = 1, shared by weight
        assertThat(Aggregators.contributions(Aggregation.GEOMETRIC, new double[] {0, 0.5}, new double[] {1, 3}))
                .containsExactly(new double[] {0.25, 0.75}, within(TOLERANCE));
        // a component at the floor contributes nothing: √(1 · 100) = 10, all of it from the 100
        assertThat(Aggregators.contributions(Aggregation.GEOMETRIC, new double[] {0, 100}, new double[] {1, 1}))
                .containsExactly(new double[] {0, 10}, within(TOLERANCE));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("no values", new double[0], new double[0]),
                Arguments.of("fewer weights", new double[] {1, 2}, new double[] {1}),
                Arguments.of("missing value", new double[] {Double.NaN}, new double[] {1}),
                Arguments.of("zero weight", new double[] {1}, new double[] {0}),
                Arguments.of("negative weight", new double[] {1, 2}, new double[] {1, -1}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsWhatItCannotAverage(String name, double[] values, double[] weights) {
        for (Aggregation aggregation : Aggregation.values()) {
            assertThatIllegalArgumentException().isThrownBy(() -> Aggregators.mean(aggregation, values, weights));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Aggregators.contributions(aggregation, values, weights));
        }
    }
}
