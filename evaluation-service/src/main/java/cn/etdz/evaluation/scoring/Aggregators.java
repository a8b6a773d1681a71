package cn.etdz.evaluation.scoring;

/**
 * Weighted means of 0–100 scores, and how much each component contributes to the mean. Inputs: present (finite)
 * values, positive finite weights of the same, non-zero length; weights need not sum to 1, they are divided by their
 * sum.
 *
 * <p><b>Contribution</b> of component i: a share of the result such that the shares add up to the result.
 * Arithmetic: {@code w_i x_i / Σw}. Geometric: the result is {@code exp(Σ w_i ln x_i / Σw)}, and the contribution is
 * the component's share of that logarithm, {@code G · (w_i ln x_i) / (Σ_j w_j ln x_j)}; with the floor below every
 * {@code ln x_i ≥ 0}, so shares are never negative. When all components sit at the floor ({@code G = 1}, the
 * logarithm 0) the shares are the weights, {@code G · w_i / Σw}.
 */
public final class Aggregators {

    /**
     * The geometric mean is taken over {@code max(x, GEOMETRIC_FLOOR)}: a score of 0 would otherwise make the whole
     * mean 0 whatever the other components are. One point on the 0–100 scale keeps a zero heavily penalised (with n
     * equal weights and the others at 100, the mean is {@code 100^(1 − 1/n)}) without annihilating the rest; as a
     * consequence a geometric mean is never below 1.
     */
    public static final double GEOMETRIC_FLOOR = 1;

    private Aggregators() {
    }

    /** The weighted mean of the given kind. */
    public static double mean(Aggregation aggregation, double[] values, double[] weights) {
        return switch (aggregation) {
            case ARITHMETIC -> arithmetic(values, weights);
            case GEOMETRIC -> geometric(values, weights);
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
        return withinRange(sum / totalWeight, values, 0);
    }

    /**
     * Weighted geometric mean {@code exp(Σ w_i ln max(x_i, 1) / Σ w_i)} (see {@link #GEOMETRIC_FLOOR}), kept within
     * the range of the floored values as it is in exact arithmetic.
     */
    public static double geometric(double[] values, double[] weights) {
        double totalWeight = check(values, weights);
        double logSum = 0;
        for (int i = 0; i < values.length; i++) {
            logSum += weights[i] * Math.log(Math.max(values[i], GEOMETRIC_FLOOR));
        }
        return withinRange(Math.exp(logSum / totalWeight), values, GEOMETRIC_FLOOR);
    }

    /** Each component's contribution to the mean (see the class comment); they add up to {@link #mean}. */
    public static double[] contributions(Aggregation aggregation, double[] values, double[] weights) {
        double totalWeight = check(values, weights);
        double[] out = new double[values.length];
        if (aggregation == Aggregation.ARITHMETIC) {
            for (int i = 0; i < values.length; i++) {
                out[i] = weights[i] * values[i] / totalWeight;
            }
            return out;
        }
        double mean = geometric(values, weights);
        double logSum = 0;
        for (int i = 0; i < values.length; i++) {
            out[i] = weights[i] * Math.log(Math.max(values[i], GEOMETRIC_FLOOR));
            logSum += out[i];
        }
        for (int i = 0; i < values.length; i++) {
            out[i] = logSum > 0 ? mean * out[i] / logSum : mean * weights[i] / totalWeight;
        }
        return out;
    }

    /** Clamps a mean to the range of {@code max(x_i, floor)}, undoing rounding beyond it. */
    private static double withinRange(double mean, double[] values, double floor) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, Math.max(value, floor));
            max = Math.max(max, Math.max(value, floor));
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
