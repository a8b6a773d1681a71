package cn.etdz.indicator.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A zone-period's review: where its newest revision stands and every decision ever taken on its revisions.
 *
 * @param revision  the newest revision of the zone-period
 * @param state     the newest revision's state: SUBMITTED until decided, then APPROVED or RETURNED
 * @param decisions every decision on any of the zone-period's revisions, oldest first
 */
@Schema(name = "ReturnReview", description = "The review state of a zone-period's newest revision and the audit trail "
        + "of every decision on its revisions.")
public record ReviewView(String zone, String province, String period, int revision, ReviewState state,
                         List<Decision> decisions) {

    /**
     * @param revision      the revision decided on
     * @param state         APPROVED or RETURNED
     * @param comment       on the whole return, or absent
     * @param valueComments per indicator code
     * @param decidedBy     token subject of the reviewer or admin
     * @param decidedRole   reviewer or admin
     */
    @Schema(name = "ReviewDecision", description = "One decision on a revision: who, when, what and why.")
    public record Decision(int revision, ReviewState state, String comment, Map<String, String> valueComments,
                           String decidedBy, String decidedRole, OffsetDateTime decidedAt) {
    }
}
