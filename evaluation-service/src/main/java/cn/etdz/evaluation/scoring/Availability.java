package cn.etdz.evaluation.scoring;

/** Whether an indicator value of a zone could be scored, and if not, why. */
public enum Availability {
    /** The value was there and has a normalised score. */
    PRESENT,
    /** The value was not submitted, or a derived indicator lacks an input or has a zero denominator. */
    MISSING,
    /** The value cannot be transformed, e.g. a negative value under {@link Transform#LOG}. */
    NOT_TRANSFORMABLE
}
