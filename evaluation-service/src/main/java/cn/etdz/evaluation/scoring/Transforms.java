package cn.etdz.evaluation.scoring;

/**
 * Transforms applied to an indicator's column before normalisation. {@code NaN} marks a missing value; a value outside
 * a transform's domain becomes missing and is reported {@link Availability#NOT_TRANSFORMABLE}.
 *
 * <p>A normalisation's parameters given in the indicator's unit (goalposts, target, satisfactory and impermissible
 * values) are transformed with the values ({@link IndicatorSpec#inTransformedUnits()}), so any transform composes with
 * any normalisation: goalposts 1–1 000 under {@link Transform#LN} are the bounds 0 and 6.9078 of the logged values.
 */
public final class Transforms {

    private Transforms() {
    }

    /** Applies a transform to a column, returning a new array. */
    public static double[] apply(Transform transform, double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = apply(transform, values[i]);
        }
        return out;
    }

    /**
     * One value: {@link Transform#NONE} unchanged; {@link Transform#LOG1P} ({@link Transform#LOG}) {@code ln(1 + x)}
     * for {@code x ≥ 0}; {@link Transform#LN} {@code ln x} and {@link Transform#LOG10} {@code log₁₀ x} for
     * {@code x > 0}; {@code NaN} (missing) outside the domain and for missing input.
     *
     * <p>Why {@code ln(1 + x)} shifts by 1: zero is a real level (no FDI this year, no R&amp;D centre), and a zone with
     * zero must land at the bottom of the peer group, not drop out (which would rescale its weight away and reward
     * it). The price is unit dependence: for values well above 1 in the catalogue's unit it differs from
     * {@code ln x} by less than {@code 1/x}, for small values it is nearly linear, so min-max results of small values
     * change with the unit (docs/method.md has a worked example). {@code ln x} has no such dependence but cannot take
     * a zero.
     */
    public static double apply(Transform transform, double x) {
        return switch (transform.canonical()) {
            case NONE -> x;
            case LOG1P -> x >= 0 ? Math.log1p(x) : Double.NaN;
            case LN -> x > 0 ? Math.log(x) : Double.NaN;
            case LOG10 -> x > 0 ? Math.log10(x) : Double.NaN;
            case LOG -> throw new IllegalStateException("LOG is canonical LOG1P");
        };
    }

    /** {@code ln(1 + x)} for {@code x ≥ 0}, missing otherwise; see {@link #apply(Transform, double)}. */
    public static double[] log(double[] values) {
        return apply(Transform.LOG1P, values);
    }
}
