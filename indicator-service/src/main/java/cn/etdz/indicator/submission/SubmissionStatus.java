package cn.etdz.indicator.submission;

/** What became of a submission; stored by name in {@code submission.status}. */
public enum SubmissionStatus {
    /** Stored as the next revision of its zone-period and published. */
    ACCEPTED,
    /** A dry run found it valid; nothing was stored. */
    VALID,
    /** A hard rule or the caller's rights refused it; nothing was stored. */
    REJECTED
}
