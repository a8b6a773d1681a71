package cn.etdz.evaluation.scoring;

/**
 * Weighted means of 0–100 scores, and how much each component contributes to the mean. Inputs: present (finite)
 * values, positive finite weights of the same, non-zero length; weights need not sum to 1, they are divided by their
 * sum. Geometric means treat zeros by a {@link ZeroRule} ({@link ZeroRule#DEFAULT}, a floor of 1, when none is given).
 *
 * <p><b>Contribution</b> of component i: a share of the result such that the shares add up to the result.
 * Arithmetic: {@code w_i x_i / Σw}. Geometric: the result G is {@code exp(Σ w_i ln y_i / Σw)} (less the shift, under
 * {@link ZeroRuleType#SHIFT}) over the values {@code y_i} the zero rule makes of the scores, and the contribution is
 * the component's share of that logarithm, {@code G · (w_i ln y_i) / (Σ_j w_j ln y_j)}; a floor or shift of at least 1
 * keeps every {@code ln y_i ≥ 0}, so shares are never negative. When that sum is 0 (every component at the floor), or
 * a component left in by {@link ZeroRuleType#EXCLUDE} is below 1 point, the shares are the weights,
 * {@code G · w_i / Σw}. Components left out by {@code EXCLUDE} contribute 0.
 */
public final class Aggregators {

    private Aggregators() {
    }

    /** The weighted mean of the given kind, geometric means with {@link ZeroRule#DEFAULT}. */
    public static double mean(Aggregation aggregation, double[] values, double[] weights) {
        return mean(aggregation, ZeroRule.DEFAULT, values, weights);
    }

    /** The weighted mean of the given kind, geometric means with the given zero rule. */
    public static double mean(Aggregation aggregation, ZeroRule zeroRule, double[] values, double[] weights) {
        return switch (aggregation) {
            case ARITHMETIC -> arithmetic(values, weights);
            case GEOMETRIC -> geometric(zeroRule, values, weights);
        };
    }

    /**
     * Weighted arithmetic mean {@code Σ w_i x_i / Σ w_i}, kept within {@code [min x, max x]} as it is in exact
     * arithmetic (so rounding cannot push a mean of 100s above 100).
     */
    public static double arithmetic(double[] values, double[] weights) {
        double totalWeight = check(values, weights);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i] * values[i];
        }
        return withinRange(sum / totalWeight, values);
    }

    /** Weighted geometric mean with {@link ZeroRule#DEFAULT}: {@code exp(Σ w_i ln max(x_i, 1) / Σ w_i)}. */
    public static double geometric(double[] values, double[] weights) {
        return geometric(ZeroRule.DEFAULT, values, weights);
    }

    /**
     * Weighted geometric mean under a zero rule (see {@link ZeroRule} for the three formulas), kept within the range
     * of the values that enter it as it is in exact arithmetic.
     */
    public static double geometric(ZeroRule zeroRule, double[] values, double[] weights) {
        check(values, weights);
        Geometric g = new Geometric(zeroRule, values, weights);
        return g.mean;
    }

    /** Each component's contribution to the mean (see the class comment), geometric with {@link ZeroRule#DEFAULT}. */
    public static double[] contributions(Aggregation aggregation, double[] values, double[] weights) {
        return contributions(aggregation, ZeroRule.DEFAULT, values, weights);
    }

    /** Each component's contribution to the mean (see the class comment); they add up to {@link #mean}. */
    public static double[] contributions(Aggregation aggregation, ZeroRule zeroRule, double[] values,
                                         double[] weights) {
        double totalWeight = check(values, weights);
        double[] out = new double[values.length];
        if (aggregation == Aggregation.ARITHMETIC) {
            for (int i = 0; i < values.length; i++) {
                out[i] = weights[i] * values[i] / totalWeight;
            }
            return out;
        }
        Geometric g = new Geometric(zeroRule, values, weights);
        double logSum = 0;
        boolean nonNegative = true;
        for (int i = 0; i < values.length; i++) {
            if (g.included[i]) {
                logSum += weights[i] * g.logs[i];
                nonNegative &= g.logs[i] >= 0;
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!g.included[i]) {
                out[i] = 0;
            } else if (nonNegative && logSum > 0) {
                out[i] = g.mean * weights[i] * g.logs[i] / logSum;
            } else {
                out[i] = g.mean * weights[i] / g.includedWeight;
            }
        }
        return out;
    }

    /** The logarithms a geometric mean takes under a zero rule, which components enter it, and the mean. */
    private static final class Geometric {
        private final double[] logs;
        private final boolean[] included;
        private final double includedWeight;
        private final double mean;

        Geometric(ZeroRule zeroRule, double[] values, double[] weights) {
            ZeroRule rule = zeroRule == null ? ZeroRule.DEFAULT : zeroRule;
            int n = values.length;
            logs = new double[n];
            included = new boolean[n];
            double weight = 0;
            double logSum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double x = values[i];
                double entering = switch (rule.type()) {
                    case FLOOR -> Math.max(x, rule.value());
                    case SHIFT -> x;
                    case EXCLUDE -> x;
                };
                included[i] = rule.type() != ZeroRuleType.EXCLUDE || x > 0;
                if (!included[i]) {
                    continue;
                }
                logs[i] = Math.log(rule.type() == ZeroRuleType.SHIFT ? x + rule.value() : entering);
                weight += weights[i];
                logSum += weights[i] * logs[i];
                min = Math.min(min, entering);
                max = Math.max(max, entering);
            }
            includedWeight = weight;
            if (weight == 0) {
                mean = 0;
            } else {
                double raw = Math.exp(logSum / weight);
                double value = rule.type() == ZeroRuleType.SHIFT ? raw - rule.value() : raw;
                mean = Math.max(min, Math.min(max, value));
            }
        }
    }

    /** Clamps a mean to the range of the values, undoing rounding beyond it. */
    private static double withinRange(double mean, double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return Math.max(min, Math.min(max, mean));
    }

    private static double check(double[] values, double[] weights) {
        if (values.length == 0 || values.length != weights.length) {
            throw new IllegalArgumentException("need as many weights as values, at least one; got "
                    + values.length + " values and " + weights.length + " weights");
        }
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is missing or not finite: " + values[i]);
            }
            if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " must be positive and finite: " + weights[i]);
            }
            total += weights[i];
        }
        return total;
    }
}
