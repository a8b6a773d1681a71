package cn.etdz.evaluation.scoring;

/**
 * What the engine puts in place of a value a zone did not report (or whose derived indicator lacks an input), chosen
 * per methodology. An imputed value is scored like a reported one — transformed, normalised, counted in the pillar's
 * coverage — and marked in the explanation with the method and the value ({@link Availability#IMPUTED}). It is
 * normalised together with the reported values, as if reported: a carried-forward value beyond the peer group's range
 * moves the min-max bounds. Nothing is imputed that the transform cannot take, nor in place of a reported value the
 * transform cannot take ({@link Availability#NOT_TRANSFORMABLE}).
 */
public enum Imputation {
    /** Nothing imputed: the missing-data rule rescales the weights of the present indicators within the pillar. */
    NONE,
    /**
     * The median of the values the other zones of the peer group reported for the indicator (derived indicators:
     * the median of the derived values), in the indicator's unit; the mean of the two middle values when their count
     * is even. Nothing when no zone reported it.
     */
    PEER_MEDIAN,
    /**
     * The zone's own value of the previous period, the one the engine receives for growth rates (the newest revision
     * of that period). Derived indicators are computed from the previous period's values; growth rates are not
     * carried forward, since they would need the period before that. Nothing when the zone has no such value.
     */
    CARRY_FORWARD
}
