package cn.etdz.evaluation.scoring;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static cn.etdz.evaluation.scoring.Aggregation.ARITHMETIC;
import static cn.etdz.evaluation.scoring.Aggregation.GEOMETRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The missing-data rule; tolerance 1e-9. */
class PillarScorerTest {

    private static final double NA = Double.NaN;
    private static final double TOLERANCE = 1e-9;

    @Test
    void allPresent() {
        // (60 + 80 + 2·90) / 4 = 80
        PillarScorer.Outcome outcome = PillarScorer.score(ARITHMETIC, ZeroRule.DEFAULT, new double[] {60, 80, 90}, new double[] {1, 1, 2});
        assertThat(outcome.score()).isCloseTo(80, within(TOLERANCE));
        assertThat(outcome.coverage()).isEqualTo(1);
        assertThat(outcome.effectiveWeights()).containsExactly(new double[] {0.25, 0.25, 0.5}, within(TOLERANCE));
        assertThat(outcome.contributions()).containsExactly(new double[] {15, 20, 45}, within(TOLERANCE));
    }

    @Test
    void weightsOfThePresentIndicatorsAreRescaledAtExactlyTwoThirds() {
        // 2 of 3 equal weights present: coverage 2/3, weights ½ and ½, (60 + 90) / 2 = 75; the missing one counts
        // for nothing, not for 0 (which would give 50)
        PillarScorer.Outcome outcome = PillarScorer.score(ARITHMETIC, ZeroRule.DEFAULT, new double[] {60, NA, 90}, new double[] {1, 1, 1});
        assertThat(outcome.score()).isCloseTo(75, within(TOLERANCE));
        assertThat(outcome.coverage()).isCloseTo(2.0 / 3, within(TOLERANCE));
        assertThat(outcome.effectiveWeights()).containsExactly(new double[] {0.5, 0, 0.5}, within(TOLERANCE));
        assertThat(outcome.contributions()[0]).isCloseTo(30, within(TOLERANCE));
        assertThat(outcome.contributions()[1]).isNaN();
        assertThat(outcome.contributions()[2]).isCloseTo(45, within(TOLERANCE));
    }

    @Test
    void twoThirdsIsReachedDespiteRounding() {
        // 3 / 4.5 rounds to a double that may differ from 2.0 / 3 in the last bit
        PillarScorer.Outcome outcome = PillarScorer.score(ARITHMETIC, ZeroRule.DEFAULT, new double[] {40, 80, NA},
                new double[] {1.5, 1.5, 1.5});
        assertThat(outcome.score()).isCloseTo(60, within(TOLERANCE));
    }

    @Test
    void belowTwoThirdsThePillarHasNoScore() {
        // present weight 1 + 1 of 3.5: coverage 4/7 < 2/3
        PillarScorer.Outcome outcome = PillarScorer.score(ARITHMETIC, ZeroRule.DEFAULT, new double[] {60, NA, 90},
                new double[] {1, 1.5, 1});
        assertThat(outcome.score()).isNull();
        assertThat(outcome.coverage()).isCloseTo(2 / 3.5, within(TOLERANCE));
        assertThat(outcome.effectiveWeights()).containsExactly(0, 0, 0);
        assertThat(Arrays.stream(outcome.contributions()).allMatch(Double::isNaN)).isTrue();
    }

    @Test
    void nothingPresent() {
        PillarScorer.Outcome outcome = PillarScorer.score(GEOMETRIC, ZeroRule.DEFAULT, new double[] {NA, NA}, new double[] {1, 1});
        assertThat(outcome.score()).isNull();
        assertThat(outcome.coverage()).isZero();
    }

    @Test
    void geometricOverThePresentIndicators() {
        // present weights 1 and 3 of 5 (coverage 4/5): 16^(1/4) · 81^(3/4) = 54
        PillarScorer.Outcome outcome = PillarScorer.score(GEOMETRIC, ZeroRule.DEFAULT, new double[] {16, NA, 81},
                new double[] {1, 1, 3});
        assertThat(outcome.score()).isCloseTo(54, within(TOLERANCE));
        assertThat(outcome.coverage()).isCloseTo(0.8, within(TOLERANCE));
        assertThat(outcome.effectiveWeights()).containsExactly(new double[] {0.25, 0, 0.75}, within(TOLERANCE));
        assertThat(outcome.contributions()[0] + outcome.contributions()[2]).isCloseTo(54, within(TOLERANCE));
    }
}
