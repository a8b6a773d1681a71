package cn.etdz.evaluation.scoring;

/** Transforms applied to an indicator's column before normalisation. {@code NaN} marks a missing value. */
public final class Transforms {

    private Transforms() {
    }

    /** Applies a transform to a column, returning a new array. */
    public static double[] apply(Transform transform, double[] values) {
        return switch (transform) {
            case NONE -> values.clone();
            case LOG -> log(values);
        };
    }

    /**
     * {@code ln(1 + x)} for {@code x ≥ 0}; missing for {@code x < 0} and for missing input.
     *
     * <p>Why the shift by 1: zero is a real level (no FDI this year, no R&amp;D centre), and a zone with zero must land
     * at the bottom of the peer group, not drop out (which would rescale its weight away and reward it). With the
     * shift, 0 maps to 0 and the transform is monotone; for values well above 1 in the catalogue's unit it differs
     * from {@code ln x} by less than {@code 1/x}. Negative values cannot be logged; levels are non-negative by the
     * catalogue's range rule, so a negative one is bad data and becomes missing (reported as
     * {@link Availability#NOT_TRANSFORMABLE}).
     */
    public static double[] log(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            out[i] = x >= 0 ? Math.log1p(x) : Double.NaN;
        }
        return out;
    }
}
