package cn.etdz.evaluation.scoring;

/** The kinds of {@link ZeroRule}: how a geometric mean treats scores of 0. */
public enum ZeroRuleType {
    /** Scores below the value count as the value. */
    FLOOR,
    /** Every score is shifted by the value before the mean and back after. */
    SHIFT,
    /** Scores of 0 are left out and the other weights rescaled. */
    EXCLUDE
}
