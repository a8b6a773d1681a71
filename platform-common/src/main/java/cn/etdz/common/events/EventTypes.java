package cn.etdz.common.events;

/** CloudEvents {@code type} values of the platform's events. */
public final class EventTypes {
    /** A province's submission was accepted as a new revision of its zone-period (topic {@code submissions.v1}). */
    public static final String SUBMISSION_ACCEPTED = "cn.etdz.submission.accepted";

    /** A zone was registered or changed; carries its full state (topic {@code zones.v1}). */
    public static final String ZONE_CHANGED = "cn.etdz.zone.changed";
    /** A catalogue entry was defined or changed (topic {@code indicators.v1}). */
    public static final String INDICATOR_DEFINED = "cn.etdz.indicator.defined";

    /** A peer group (zone type × period) was scored and the snapshot stored (topic {@code scores.v1}). */
    public static final String SCORES_PUBLISHED = "cn.etdz.scores.published";

    /** A period was closed to new revisions or reopened; carries its state (topic {@code periods.v1}). */
    public static final String PERIOD_STATE_CHANGED = "cn.etdz.period.changed";
    /** A revision of a zone-period was approved by its province's reviewer or an admin (topic {@code reviews.v1}). */
    public static final String REVISION_APPROVED = "cn.etdz.revision.approved";
    /** A revision of a zone-period was returned for correction, with comments (topic {@code reviews.v1}). */
    public static final String REVISION_RETURNED = "cn.etdz.revision.returned";
    /** A reviewer or analyst raised a query on a value of a revision (topic {@code queries.v1}). */
    public static final String QUERY_RAISED = "cn.etdz.query.raised";
    /** The zone's province answered a query on a value (topic {@code queries.v1}). */
    public static final String QUERY_ANSWERED = "cn.etdz.query.answered";
    /** A query on a value was closed by its raiser or an admin (topic {@code queries.v1}). */
    public static final String QUERY_CLOSED = "cn.etdz.query.closed";

    private EventTypes() {
    }
}
