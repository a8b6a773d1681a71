package cn.etdz.evaluation.analysis;

/**
 * One uncertain input of an analysis: a choice the methodology makes that could reasonably have been made otherwise.
 * Each is one factor of the sensitivity analysis, driven by one uniform number in [0, 1) per replication
 * ({@link Perturbation}).
 */
public enum UncertainInput {
    /** Every pillar weight multiplied by its own draw from U(1 − ε, 1 + ε). */
    PILLAR_WEIGHTS,
    /** Every indicator weight multiplied by its own draw from U(1 − ε, 1 + ε). */
    INDICATOR_WEIGHTS,
    /** One normalisation from a list, applied to every indicator normalised within the peer group. */
    NORMALISATION,
    /** One aggregation from a list, applied to every pillar (indicators → pillar). */
    PILLAR_AGGREGATION,
    /** One aggregation from a list for the composite (pillars → composite). */
    COMPOSITE_AGGREGATION,
    /** No indicator, or one indicator left out, each equally likely. */
    LEFT_OUT_INDICATOR,
    /** One imputation from a list: what replaces the values the zones did not report. */
    IMPUTATION
}
