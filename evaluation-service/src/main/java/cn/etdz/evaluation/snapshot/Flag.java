package cn.etdz.evaluation.snapshot;

/**
 * Dynamic-management flags, computed by the methodology's flag rules when a snapshot is written and stored with it
 * (docs/method.md, "Dynamic-management flags").
 */
public enum Flag {
    /** Enough bottom places for the rules' warning (the plan: bottom 5 of its region group this period). */
    WARNING,
    /** Enough bottom places for the rules' exit window (the plan: bottom 5 in two of the last three periods). */
    EXIT_CANDIDATE,
    /** Within the top share of its zone type in each period of the rules' expansion window. */
    EXPANSION_ELIGIBLE,
    /** Reported, but not enough data for a composite score. */
    UNRANKED,
    /**
     * Sent nothing for the period (a zone of the type in the registry, not exited, without input); on the official
     * basis also a zone without an approved revision, which is {@link #UNRANKED} too.
     */
    NOT_REPORTED
}
