package cn.etdz.indicator.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * A review decision on a revision of a zone-period.
 *
 * @param revision      the revision decided on; it must be the zone-period's newest
 * @param decision      {@code APPROVED} or {@code RETURNED}
 * @param comment       on the whole return (up to 2000 characters); a return needs it or a value comment
 * @param valueComments per indicator code of the revision's values, what to check or correct (up to 2000 characters)
 */
@Schema(name = "ReviewDecisionRequest", description = "Approve or return one revision of a zone-period.")
public record DecisionRequest(
        @Schema(required = true, example = "1") Integer revision,
        @Schema(required = true, enumeration = {"APPROVED", "RETURNED"}, example = "RETURNED") String decision,
        @Schema(example = "请核实地区生产总值 Please confirm GDP") String comment,
        Map<String, String> valueComments) {
}
