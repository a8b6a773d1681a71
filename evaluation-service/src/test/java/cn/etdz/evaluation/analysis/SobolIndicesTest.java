package cn.etdz.evaluation.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The estimators on the Ishigami function {@code sin x1 + a sin² x2 + b x3⁴ sin x1}, {@code x ~ U(−π, π)³},
 * a = 7, b = 0.1, whose indices are known in closed form: first order 0.314, 0.442, 0; total 0.558, 0.442, 0.244.
 * At N = 50 000 rows (250 000 evaluations) every estimate is within 0.02 of the true value, and every 95 % bootstrap
 * interval contains it.
 */
class SobolIndicesTest {

    private static final int N = 50_000;
    private static final double[] FIRST_ORDER = {0.3139, 0.4424, 0.0};
    private static final double[] TOTAL = {0.5576, 0.4424, 0.2437};

    private static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + 7 * Math.pow(Math.sin(x2), 2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
    }

    @Test
    void ishigamiIndicesAreWithinTolerance() {
        SobolIndices.Indices[] indices = estimate(N, 200, 20_261_130L);

        for (int i = 0; i < 3; i++) {
            assertThat(indices[i].firstOrder().estimate()).as("S%d", i + 1).isCloseTo(FIRST_ORDER[i], within(0.02));
            assertThat(indices[i].total().estimate()).as("ST%d", i + 1).isCloseTo(TOTAL[i], within(0.02));
        }
    }

    @Test
    void bootstrapIntervalsContainTheTrueValues() {
        SobolIndices.Indices[] indices = estimate(N, 200, 7L);

        for (int i = 0; i < 3; i++) {
            SobolIndices.SobolEstimate first = indices[i].firstOrder();
            SobolIndices.SobolEstimate total = indices[i].total();
            assertThat(FIRST_ORDER[i]).as("S%d in [%s, %s]", i + 1, first.low(), first.high())
                    .isBetween(first.low(), first.high());
            assertThat(TOTAL[i]).as("ST%d in [%s, %s]", i + 1, total.low(), total.high())
                    .isBetween(total.low(), total.high());
            assertThat(first.high() - first.low()).as("a narrow interval").isLessThan(0.1);
        }
    }

    @Test
    void anOutputThatNeverChangesHasNoIndices() {
        double[] constant = {3, 3, 3, 3};
        SobolIndices.Indices[] indices = SobolIndices.estimate(constant, constant, new double[][] {constant}, 10,
                0.95, 1);

        assertThat(indices[0].firstOrder().estimate()).isNull();
        assertThat(indices[0].total().estimate()).isNull();
    }

    /** A Saltelli design over three inputs: rows of A and B from the seed, then A with each column from B. */
    private static SobolIndices.Indices[] estimate(int n, int bootstrap, long seed) {
        double[][] ab = UncertaintyAnalysis.draws(n, 6, seed);
        double[] fA = new double[n];
        double[] fB = new double[n];
        double[][] fAB = new double[3][n];
        for (int j = 0; j < n; j++) {
            double[] a = {ab[j][0], ab[j][1], ab[j][2]};
            double[] b = {ab[j][3], ab[j][4], ab[j][5]};
            fA[j] = ishigami(a);
            fB[j] = ishigami(b);
            for (int i = 0; i < 3; i++) {
                double[] mixed = a.clone();
                mixed[i] = b[i];
                fAB[i][j] = ishigami(mixed);
            }
        }
        return SobolIndices.estimate(fA, fB, fAB, bootstrap, 0.95, seed);
    }
}
