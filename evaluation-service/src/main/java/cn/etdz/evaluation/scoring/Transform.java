package cn.etdz.evaluation.scoring;

/**
 * Optional transform applied to an indicator's values, and to the normalisation's bounds and targets, before
 * normalisation; see {@link Transforms}.
 */
public enum Transform {
    NONE,
    /** The name {@link #LOG1P} had first; read from stored methodologies and requests, stored as {@link #LOG1P}. */
    LOG,
    /** {@code ln(1 + x)} for {@code x ≥ 0}: keeps a zero at the bottom; depends on the indicator's unit. */
    LOG1P,
    /** {@code ln x} for {@code x > 0}: independent of the unit up to a constant. */
    LN,
    /** {@code log₁₀ x} for {@code x > 0}: {@link #LN} divided by {@code ln 10}. */
    LOG10;

    /** The transform this name stands for: {@link #LOG} is {@link #LOG1P}. */
    public Transform canonical() {
        return this == LOG ? LOG1P : this;
    }
}
