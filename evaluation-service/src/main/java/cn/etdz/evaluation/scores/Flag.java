package cn.etdz.evaluation.scores;

/** Dynamic-management flags (docs/method.md, "Dynamic-management flags"). */
public enum Flag {
    /** Among the lowest-ranked zones of its region group this period. */
    WARNING,
    /** Among the lowest-ranked zones of its region group in two of the last three periods. */
    EXIT_CANDIDATE,
    /** Within the top share of its zone type in this period and the previous one. */
    EXPANSION_ELIGIBLE,
    /** Not enough data for a composite score. */
    UNRANKED
}
