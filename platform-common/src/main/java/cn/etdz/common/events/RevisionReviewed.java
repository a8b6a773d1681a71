package cn.etdz.common.events;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Payload of {@link EventTypes#REVISION_APPROVED} and {@link EventTypes#REVISION_RETURNED} on {@code reviews.v1}, keyed
 * by zone code: a review decision on one revision of a zone-period. A revision without a decision is {@code SUBMITTED}
 * (its {@link SubmissionAccepted} says so); a newer revision of the zone-period starts again from {@code SUBMITTED}.
 * Schema version {@value #SCHEMA_VERSION}.
 *
 * @param revision      the revision decided on, always the zone-period's newest when decided
 * @param state         {@code APPROVED} or {@code RETURNED}
 * @param comment       the comment on the whole return, or null
 * @param valueComments comments per indicator code (a returned return's values to correct), possibly empty
 * @param decidedBy     token subject of the reviewer or admin
 * @param decidedAt     when the decision was stored
 */
public record RevisionReviewed(String zone, String period, int revision, String state, String comment,
                               Map<String, String> valueComments, String decidedBy, OffsetDateTime decidedAt) {

    public static final int SCHEMA_VERSION = 1;
}
