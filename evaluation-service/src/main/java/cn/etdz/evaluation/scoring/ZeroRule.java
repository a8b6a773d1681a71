package cn.etdz.evaluation.scoring;

/**
 * How a weighted geometric mean treats scores of 0 (and near 0), which would otherwise make the whole mean 0 whatever
 * the other components are. Chosen per methodology; applies to every geometric mean in it (pillars and composite).
 * Checked by {@link MethodologyValidator}; computed by {@link Aggregators}.
 *
 * <ul>
 *   <li>{@link ZeroRuleType#FLOOR} with value {@code v}: {@code exp(Σ wᵢ ln max(xᵢ, v) / Σ wᵢ)}; a 0 counts as {@code v}, and
 *       the mean is never below {@code v}. {@code FLOOR 1} is the default.</li>
 *   <li>{@link ZeroRuleType#SHIFT} with value {@code s}: {@code exp(Σ wᵢ ln(xᵢ + s) / Σ wᵢ) − s}; every score moves by
 *       {@code s} before the mean and back after, so a mean of equal scores is that score and a 0 stays possible.</li>
 *   <li>{@link ZeroRuleType#EXCLUDE}: components at 0 are left out and the others' weights rescaled,
 *       {@code exp(Σ_{xᵢ>0} wᵢ ln xᵢ / Σ_{xᵢ>0} wᵢ)}; 0 when every component is 0. A zero then costs nothing, which
 *       rewards the worst zone of a min-max column: use it only where a 0 means "not applicable".</li>
 * </ul>
 *
 * @param type  the rule
 * @param value the floor or shift, at least 1 (so every logarithm is ≥ 0 and contributions are shares of the
 *              result); absent for {@link ZeroRuleType#EXCLUDE}
 */
public record ZeroRule(ZeroRuleType type, Double value) {

    /** The rule of a methodology that names none: a floor of 1 point. */
    public static final ZeroRule DEFAULT = new ZeroRule(ZeroRuleType.FLOOR, 1.0);
    /** The smallest floor or shift: below 1 point, logarithms turn negative. */
    public static final double MIN_VALUE = 1;

    /** A floor at {@code value}. */
    public static ZeroRule floor(double value) {
        return new ZeroRule(ZeroRuleType.FLOOR, value);
    }

    /** A shift by {@code value}. */
    public static ZeroRule shift(double value) {
        return new ZeroRule(ZeroRuleType.SHIFT, value);
    }

    /** Zeros left out. */
    public static ZeroRule exclude() {
        return new ZeroRule(ZeroRuleType.EXCLUDE, null);
    }
}
