package cn.etdz.evaluation.scoring;

/** Whether an indicator value of a zone could be scored, and if not, why. */
public enum Availability {
    /** The value was there and has a normalised score. */
    PRESENT,
    /** The value was not submitted, or a derived indicator lacks an input or has a zero denominator. */
    MISSING,
    /** The value cannot be transformed, e.g. a negative value under {@link Transform#LOG1P}, 0 under {@link Transform#LN}. */
    NOT_TRANSFORMABLE,
    /** The value was missing and the methodology's {@link Imputation} put one in its place; scored like a present one. */
    IMPUTED
}
