package cn.etdz.indicator.review;

/** Where a revision stands in its province's review. */
public enum ReviewState {
    /** Stored and waiting for the province's reviewer: every new revision starts here. */
    SUBMITTED,
    /** Signed off by the province's reviewer or an admin. */
    APPROVED,
    /** Sent back with comments; corrected by a new revision. */
    RETURNED
}
