package cn.etdz.common.events;

/** CloudEvents {@code type} values of the platform's events. */
public final class EventTypes {
    /** A province's submission was accepted as a new revision of its zone-period (topic {@code submissions.v1}). */
    public static final String SUBMISSION_ACCEPTED = "cn.etdz.submission.accepted";

    private EventTypes() {
    }
}
