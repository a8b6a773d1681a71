package cn.etdz.evaluation.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One indicator of a pillar as a methodology scores it. Checked by {@link MethodologyValidator}, not here, so that
 * every problem of a methodology can be reported at once.
 *
 * @param code          indicator code, raw ({@code GDP}) or derived ({@code SERV_SHARE}); see {@link IndicatorCatalogue}
 * @param weight        weight relative to the other indicators of the pillar, positive; rescaled by the engine
 * @param direction     whether a larger value is better
 * @param transform     transform before normalisation; {@code null} means {@link Transform#NONE}, and the alias
 *                      {@link Transform#LOG} is stored as {@link Transform#LOG1P}
 * @param normalisation how values become 0–100 scores
 * @param parameters    the normalisation's parameters by name ({@link #MIN}, {@link #MAX}, {@link #TARGET},
 *                      {@link #SATISFACTORY}, {@link #IMPERMISSIBLE}), in the indicator's own unit, before the
 *                      transform; {@code null} means none
 */
public record IndicatorSpec(String code, double weight, Direction direction, Transform transform,
                            Normalisation normalisation, Map<String, Double> parameters) {

    /** Goalpost lower bound, in the indicator's unit. */
    public static final String MIN = "min";
    /** Goalpost upper bound, in the indicator's unit. */
    public static final String MAX = "max";
    /** Target value, in the indicator's unit. */
    public static final String TARGET = "target";
    /** Efficacy: the value that scores 100. */
    public static final String SATISFACTORY = "satisfactory";
    /** Efficacy: the value that scores 60. */
    public static final String IMPERMISSIBLE = "impermissible";

    public IndicatorSpec {
        transform = transform == null ? Transform.NONE : transform.canonical();
        // a copy that keeps null values, so the validator can report them
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Min-max within the peer group, no transform. */
    public static IndicatorSpec minMax(String code, double weight, Direction direction) {
        return new IndicatorSpec(code, weight, direction, Transform.NONE, Normalisation.MINMAX, Map.of());
    }

    /** {@code ln(1 + x)}, then min-max within the peer group: the default for level indicators. */
    public static IndicatorSpec logMinMax(String code, double weight, Direction direction) {
        return new IndicatorSpec(code, weight, direction, Transform.LOG1P, Normalisation.MINMAX, Map.of());
    }

    /** Min-max between fixed bounds. */
    public static IndicatorSpec goalpost(String code, double weight, Direction direction, double min, double max) {
        return new IndicatorSpec(code, weight, direction, Transform.NONE, Normalisation.GOALPOST,
                Map.of(MIN, min, MAX, max));
    }

    /** Z-score within the peer group. */
    public static IndicatorSpec zScore(String code, double weight, Direction direction) {
        return new IndicatorSpec(code, weight, direction, Transform.NONE, Normalisation.ZSCORE, Map.of());
    }

    /** Distance to a target. */
    public static IndicatorSpec target(String code, double weight, Direction direction, double target) {
        return new IndicatorSpec(code, weight, direction, Transform.NONE, Normalisation.TARGET, Map.of(TARGET, target));
    }

    /** 功效系数法. */
    public static IndicatorSpec efficacy(String code, double weight, Direction direction, double satisfactory,
                                         double impermissible) {
        return new IndicatorSpec(code, weight, direction, Transform.NONE, Normalisation.EFFICACY,
                Map.of(SATISFACTORY, satisfactory, IMPERMISSIBLE, impermissible));
    }

    /** Percentile rank within the peer group. */
    public static IndicatorSpec rank(String code, double weight, Direction direction) {
        return new IndicatorSpec(code, weight, direction, Transform.NONE, Normalisation.RANK, Map.of());
    }

    /** A parameter that must be present (the validator has checked it). */
    public double parameter(String name) {
        Double value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException(code + " has no parameter " + name);
        }
        return value;
    }

    /**
     * This specification with its parameters transformed like the values, so the normaliser compares like with like:
     * goalposts 1 and 1 000 under {@link Transform#LN} become 0 and 6.9078. A parameter outside the transform's domain
     * becomes {@code NaN} (the validator rejects such a methodology first).
     */
    public IndicatorSpec inTransformedUnits() {
        if (transform == Transform.NONE || parameters.isEmpty()) {
            return this;
        }
        Map<String, Double> transformed = new LinkedHashMap<>();
        parameters.forEach((name, value) -> transformed.put(name,
                value == null ? null : Transforms.apply(transform, value)));
        return new IndicatorSpec(code, weight, direction, transform, normalisation, transformed);
    }
}
