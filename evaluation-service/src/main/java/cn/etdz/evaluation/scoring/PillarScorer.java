package cn.etdz.evaluation.scoring;

import java.util.Arrays;

/**
 * The missing-data rule of a pillar, for one zone: the weights of the indicators present are rescaled to sum to 1 when
 * at least {@link #MIN_COVERAGE} of the pillar's weight is present; otherwise the pillar has no score. Missing
 * indicators never count as 0.
 */
final class PillarScorer {

    /** Share of a pillar's indicator weight that must be present for the pillar to be scored. */
    static final double MIN_COVERAGE = 2.0 / 3.0;
    /** Rounding allowance on the coverage test, so that e.g. 3 / 4.5 counts as 2/3. */
    private static final double COVERAGE_TOLERANCE = 1e-12;

    private PillarScorer() {
    }

    /**
     * The pillar of one zone.
     *
     * @param score            the pillar score, {@code null} when coverage is below {@link #MIN_COVERAGE}
     * @param coverage         {@code Σ present weights / Σ all weights}, in 0–1
     * @param effectiveWeights each indicator's rescaled weight (summing to 1 over the present ones); 0 for missing
     *                         indicators, and for all when the pillar has no score
     * @param contributions    each indicator's contribution to the score (see {@link Aggregators}), adding up to it;
     *                         {@code NaN} for missing indicators, and for all when the pillar has no score
     */
    record Outcome(Double score, double coverage, double[] effectiveWeights, double[] contributions) {
    }

    /**
     * Scores a pillar from its indicators' normalised values ({@code NaN} = missing) and their weights (positive).
     * Coverage is tested as {@code coverage ≥ 2/3 − 1e-12}; a geometric mean treats zeros by {@code zeroRule}.
     */
    static Outcome score(Aggregation aggregation, ZeroRule zeroRule, double[] normalised, double[] weights) {
        int n = normalised.length;
        double total = 0;
        double present = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            total += weights[i];
            if (!Double.isNaN(normalised[i])) {
                present += weights[i];
                count++;
            }
        }
        double coverage = total > 0 ? present / total : 0;
        double[] effectiveWeights = new double[n];
        double[] contributions = new double[n];
        Arrays.fill(contributions, Double.NaN);
        if (!scored(count, coverage)) {
            return new Outcome(null, coverage, effectiveWeights, contributions);
        }
        double[] values = new double[count];
        double[] presentWeights = new double[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(normalised[i])) {
                values[k] = normalised[i];
                presentWeights[k] = weights[i];
                k++;
            }
        }
        double score = Aggregators.mean(aggregation, zeroRule, values, presentWeights);
        double[] presentContributions = Aggregators.contributions(aggregation, zeroRule, values, presentWeights);
        k = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(normalised[i])) {
                effectiveWeights[i] = weights[i] / present;
                contributions[i] = presentContributions[k++];
            }
        }
        return new Outcome(score, coverage, effectiveWeights, contributions);
    }

    /** The missing-data rule: whether a pillar with {@code count} indicators present and this coverage has a score. */
    static boolean scored(int count, double coverage) {
        return count > 0 && coverage >= MIN_COVERAGE - COVERAGE_TOLERANCE;
    }

    /** {@code Σ present weights / Σ all weights}, in 0–1, as {@link #score} reports it. */
    static double coverage(double[] normalised, double[] weights) {
        double total = 0;
        double present = 0;
        for (int i = 0; i < normalised.length; i++) {
            total += weights[i];
            if (!Double.isNaN(normalised[i])) {
                present += weights[i];
            }
        }
        return total > 0 ? present / total : 0;
    }

    /**
     * The pillar score alone, the same number as {@link #score}'s, without the effective weights and contributions
     * that only the explanation reads; {@code NaN} when the pillar has no score.
     */
    static double scoreOnly(Aggregation aggregation, ZeroRule zeroRule, double[] normalised, double[] weights) {
        int count = 0;
        for (double value : normalised) {
            count += Double.isNaN(value) ? 0 : 1;
        }
        if (!scored(count, coverage(normalised, weights))) {
            return Double.NaN;
        }
        double[] values = new double[count];
        double[] presentWeights = new double[count];
        int k = 0;
        for (int i = 0; i < normalised.length; i++) {
            if (!Double.isNaN(normalised[i])) {
                values[k] = normalised[i];
                presentWeights[k] = weights[i];
                k++;
            }
        }
        return Aggregators.mean(aggregation, zeroRule, values, presentWeights);
    }
}
