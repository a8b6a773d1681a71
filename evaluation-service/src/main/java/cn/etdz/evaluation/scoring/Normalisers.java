package cn.etdz.evaluation.scoring;

import java.util.Arrays;

/**
 * Normalisation of one indicator's column over the zones of a peer group to scores on 0–100, higher always better.
 * Input values are finite or missing ({@code NaN}). Every method takes the indicator's {@link Direction}, keeps a
 * missing value missing, returns a new array, and returns all-missing for all-missing input.
 *
 * <p>Peer-relative methods ({@link #minMax}, {@link #zScore}, {@link #rank}) cannot separate zones whose values are
 * all equal — in particular a peer group of a single zone: every present zone then gets the neutral score
 * {@value #NEUTRAL}, so that the indicator says nothing either way and does not move the ranking.
 */
public final class Normalisers {

    /** Score of every zone when a peer-relative method has nothing to separate (all values equal, or one zone). */
    public static final double NEUTRAL = 50;

    private Normalisers() {
    }

    /** Normalises a column as the indicator specification says (parameters already validated). */
    public static double[] normalise(double[] values, IndicatorSpec spec) {
        Direction direction = spec.direction();
        return switch (spec.normalisation()) {
            case MINMAX -> minMax(values, direction);
            case GOALPOST -> goalpost(values, direction, spec.parameter(IndicatorSpec.MIN),
                    spec.parameter(IndicatorSpec.MAX));
            case ZSCORE -> zScore(values, direction);
            case TARGET -> target(values, direction, spec.parameter(IndicatorSpec.TARGET));
            case EFFICACY -> efficacy(values, direction, spec.parameter(IndicatorSpec.SATISFACTORY),
                    spec.parameter(IndicatorSpec.IMPERMISSIBLE));
            case RANK -> rank(values, direction);
        };
    }

    /**
     * Min-max within the peer group: {@code 100 (x − min) / (max − min)} (higher is better) or
     * {@code 100 (max − x) / (max − min)} (lower is better), with min and max over the present values.
     * Zero range (all present values equal, or a single one): {@value #NEUTRAL}.
     */
    public static double[] minMax(double[] values, Direction direction) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        double range = max - min;
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            if (Double.isNaN(x)) {
                out[i] = Double.NaN;
            } else if (range == 0) {
                out[i] = NEUTRAL;
            } else {
                // divide first: (x − min) / range is at most 1 in floating point, 100 (x − min) / range may not be
                out[i] = 100 * ((direction == Direction.HIGHER ? x - min : max - x) / range);
            }
        }
        return out;
    }

    /**
     * Goalposts: min-max between fixed bounds, {@code 100 (x − min) / (max − min)} (higher is better) or
     * {@code 100 (max − x) / (max − min)} (lower is better), capped to 0–100. Independent of the peer group.
     *
     * @throws IllegalArgumentException unless {@code min < max}
     */
    public static double[] goalpost(double[] values, Direction direction, double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException("goalposts need min < max, got " + min + " and " + max);
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            out[i] = clamp(100 * (direction == Direction.HIGHER ? x - min : max - x) / (max - min));
        }
        return out;
    }

    /**
     * Standard score within the peer group, {@code z = (x − mean) / sd} with the population standard deviation (the
     * peer group is the whole population of zones, not a sample), reported on the 0–100 scale as
     * {@code 50 + 10 z} (higher is better) or {@code 50 − 10 z} (lower is better) and capped to 0–100, i.e. at
     * five standard deviations. Zero range (all present values equal, or a single one): {@value #NEUTRAL}.
     */
    public static double[] zScore(double[] values, Direction direction) {
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                n++;
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        double mean = sum / n;
        double squares = 0;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                squares += (x - mean) * (x - mean);
            }
        }
        double sd = Math.sqrt(squares / n);
        // equal values are tested on the data: their rounded mean can differ from them by an ulp, giving sd ≈ 1e-17
        boolean zeroRange = max == min;
        double sign = direction == Direction.HIGHER ? 1 : -1;
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            if (Double.isNaN(x)) {
                out[i] = Double.NaN;
            } else if (zeroRange) {
                out[i] = NEUTRAL;
            } else {
                out[i] = clamp(50 + 10 * sign * (x - mean) / sd);
            }
        }
        return out;
    }

    /**
     * Distance to target: {@code 100 x / target} (higher is better) or {@code 100 target / x} (lower is better),
     * capped to 0–100. Edge cases: higher-is-better values ≤ 0 score 0 (e.g. negative growth against a growth
     * target); lower-is-better values ≤ 0 are at or below any positive target and score 100.
     *
     * @throws IllegalArgumentException unless {@code target > 0}
     */
    public static double[] target(double[] values, Direction direction, double target) {
        if (!(target > 0) || Double.isInfinite(target)) {
            throw new IllegalArgumentException("a target must be positive and finite, got " + target);
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            if (Double.isNaN(x)) {
                out[i] = Double.NaN;
            } else if (direction == Direction.HIGHER) {
                out[i] = clamp(100 * x / target);
            } else {
                out[i] = x <= 0 ? 100 : clamp(100 * target / x);
            }
        }
        return out;
    }

    /**
     * 功效系数法 (efficacy coefficient): {@code 60 + 40 (x − impermissible) / (satisfactory − impermissible)}, capped
     * to 0–100: the impermissible value scores 60, the satisfactory one 100, and 0 is reached 1.5 spans below the
     * impermissible value. The formula serves both directions; the direction says which side the satisfactory value
     * must be on.
     *
     * @throws IllegalArgumentException unless {@code satisfactory > impermissible} (higher is better) or
     *                                  {@code satisfactory < impermissible} (lower is better)
     */
    public static double[] efficacy(double[] values, Direction direction, double satisfactory, double impermissible) {
        boolean consistent = direction == Direction.HIGHER ? satisfactory > impermissible : satisfactory < impermissible;
        if (!consistent || Double.isInfinite(satisfactory) || Double.isInfinite(impermissible)) {
            throw new IllegalArgumentException("efficacy with direction " + direction + " needs the satisfactory value ("
                    + satisfactory + ") on the better side of the impermissible one (" + impermissible + ")");
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = clamp(60 + 40 * (values[i] - impermissible) / (satisfactory - impermissible));
        }
        return out;
    }

    /**
     * Percentile rank within the peer group: {@code 100 (worse + ties / 2) / (n − 1)}, where {@code worse} counts the
     * other present values strictly worse than x, {@code ties} the other present values equal to x, and {@code n}
     * the present values. The best scores 100, the worst 0; tied values share the mid-rank. Zero range (all present
     * values equal, or a single one): {@value #NEUTRAL}, which the formula also gives for ties when n > 1.
     */
    public static double[] rank(double[] values, Direction direction) {
        double[] sorted = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int n = sorted.length;
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            if (Double.isNaN(x)) {
                out[i] = Double.NaN;
            } else if (n == 1) {
                out[i] = NEUTRAL;
            } else {
                int below = lowerBound(sorted, x);
                int above = n - upperBound(sorted, x);
                int ties = n - below - above - 1;
                int worse = direction == Direction.HIGHER ? below : above;
                out[i] = 100 * (worse + ties / 2.0) / (n - 1);
            }
        }
        return out;
    }

    /** Index of the first element ≥ x. */
    private static int lowerBound(double[] sorted, double x) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Index of the first element > x. */
    private static int upperBound(double[] sorted, double x) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Caps to 0–100, keeping missing ({@code NaN}) missing. */
    private static double clamp(double score) {
        return Double.isNaN(score) ? score : Math.max(0, Math.min(100, score));
    }
}
