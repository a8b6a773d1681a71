package cn.etdz.evaluation.scoring;

import java.util.List;

/**
 * How an indicator's values become 0–100 scores; formulas and edge cases are on the methods of {@link Normalisers}.
 * Each method names the parameters it needs.
 */
public enum Normalisation {
    /** Min-max within the peer group. */
    MINMAX,
    /** Min-max between fixed bounds {@code min} and {@code max}, capped to 0–100. */
    GOALPOST(IndicatorSpec.MIN, IndicatorSpec.MAX),
    /** Standard score within the peer group, reported as {@code 50 + 10 z}. */
    ZSCORE,
    /** Distance to a {@code target}, capped at 100. */
    TARGET(IndicatorSpec.TARGET),
    /** 功效系数法 between a {@code satisfactory} and an {@code impermissible} value. */
    EFFICACY(IndicatorSpec.SATISFACTORY, IndicatorSpec.IMPERMISSIBLE),
    /** Percentile rank within the peer group. */
    RANK;

    private final List<String> parameters;

    Normalisation(String... parameters) {
        this.parameters = List.of(parameters);
    }

    /** Names of the parameters this method needs, in the order they are documented. */
    public List<String> parameters() {
        return parameters;
    }

    /** Whether scores depend on the other zones of the peer group (as opposed to fixed parameters). */
    public boolean peerRelative() {
        return this == MINMAX || this == ZSCORE || this == RANK;
    }
}
