package cn.etdz.evaluation.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Variance-based sensitivity indices from a Saltelli design: outputs {@code f(A)}, {@code f(B)} and, per input
 * {@code i}, {@code f(A_B^i)} (the rows of {@code A} with column {@code i} taken from {@code B}), {@code N} rows each.
 * With {@code V} the variance of the {@code 2N} outputs of {@code A} and {@code B}:
 * <ul>
 *   <li>first order (Saltelli et al. 2010): {@code S_i = (1/N) Σ (f(B)_j − m) (f(A_B^i)_j − f(A)_j) / V}, with
 *       {@code m} the mean of the {@code 2N} outputs: centring leaves the estimator unbiased (the differences have mean
 *       0) and keeps its variance small when outputs are far from 0, as ranks are</li>
 *   <li>total (Jansen 1999): {@code ST_i = (1/2N) Σ (f(A)_j − f(A_B^i)_j)² / V}</li>
 * </ul>
 * Confidence intervals by the bootstrap: the {@code N} rows resampled with replacement, the indices recomputed, the
 * percentile interval of the resampled indices. Resample {@code b} draws from the {@code b}-th split of one generator
 * seeded with the given seed, so every output of one analysis is resampled alike.
 */
public final class SobolIndices {

    /**
     * An estimate with its bootstrap interval; all {@code null} when the output does not vary (V = 0).
     */
    public record SobolEstimate(Double estimate, Double low, Double high) {
    }

    /** The two indices of one input. */
    public record Indices(SobolEstimate firstOrder, SobolEstimate total) {
    }

    private SobolIndices() {
    }

    /**
     * The indices of every input.
     *
     * @param fA         outputs of the rows of A
     * @param fB         outputs of the rows of B
     * @param fAB        {@code fAB[i]}: outputs of the rows of {@code A_B^i}
     * @param bootstrap  number of resamples (0: no intervals, {@code low} and {@code high} null)
     * @param confidence e.g. 0.95
     */
    public static Indices[] estimate(double[] fA, double[] fB, double[][] fAB, int bootstrap, double confidence,
                                     long seed) {
        int n = fA.length;
        int k = fAB.length;
        int[] identity = new int[n];
        Arrays.setAll(identity, j -> j);
        double[] point = indices(fA, fB, fAB, identity);
        Indices[] result = new Indices[k];
        if (Double.isNaN(point[0]) && k > 0) {
            SobolEstimate none = new SobolEstimate(null, null, null);
            Arrays.fill(result, new Indices(none, none));
            return result;
        }
        double[][] resampled = new double[2 * k][bootstrap];
        SplittableRandom master = new SplittableRandom(seed);
        int[] rows = new int[n];
        for (int b = 0; b < bootstrap; b++) {
            SplittableRandom random = master.split();
            for (int j = 0; j < n; j++) {
                rows[j] = random.nextInt(n);
            }
            double[] again = indices(fA, fB, fAB, rows);
            for (int i = 0; i < 2 * k; i++) {
                resampled[i][b] = again[i];
            }
        }
        for (int i = 0; i < k; i++) {
            result[i] = new Indices(interval(point[i], resampled[i], confidence),
                    interval(point[k + i], resampled[k + i], confidence));
        }
        return result;
    }

    /** First-order indices then total indices over the given rows; NaN when the output does not vary. */
    private static double[] indices(double[] fA, double[] fB, double[][] fAB, int[] rows) {
        int n = rows.length;
        int k = fAB.length;
        double sum = 0;
        for (int row : rows) {
            sum += fA[row] + fB[row];
        }
        double mean = sum / (2.0 * n);
        double squares = 0;
        for (int row : rows) {
            squares += (fA[row] - mean) * (fA[row] - mean) + (fB[row] - mean) * (fB[row] - mean);
        }
        double variance = squares / (2.0 * n);
        double[] indices = new double[2 * k];
        for (int i = 0; i < k; i++) {
            double first = 0;
            double total = 0;
            for (int row : rows) {
                double difference = fAB[i][row] - fA[row];
                first += (fB[row] - mean) * difference;
                total += difference * difference;
            }
            indices[i] = variance > 0 ? first / n / variance : Double.NaN;
            indices[k + i] = variance > 0 ? total / (2.0 * n) / variance : Double.NaN;
        }
        return indices;
    }

    private static SobolEstimate interval(double estimate, double[] resampled, double confidence) {
        if (resampled.length == 0) {
            return new SobolEstimate(estimate, null, null);
        }
        double[] sorted = resampled.clone();
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2;
        return new SobolEstimate(estimate, Quantiles.of(sorted, tail), Quantiles.of(sorted, 1 - tail));
    }
}
