package cn.etdz.evaluation.scoring;

/** How scores are combined at one level (indicators → pillar, pillars → composite); see {@link Aggregators}. */
public enum Aggregation {
    /** Weighted arithmetic mean: full compensation between components. */
    ARITHMETIC,
    /** Weighted geometric mean: partial compensation, a weak component pulls the result down more. */
    GEOMETRIC
}
