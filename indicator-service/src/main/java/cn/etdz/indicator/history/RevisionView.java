package cn.etdz.indicator.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One revision of a zone-period: who sent it, when, and what changed against the previous revision.
 *
 * @param submitterProvince province claim of the sender's token (null for ministry roles)
 * @param changes           every indicator added, changed or removed against the previous revision (all ADDED for
 *                          revision 1)
 * @param mode              REPLACE: the revision's values were sent whole; AMEND: they amended the previous revision,
 *                          whose other values were carried forward
 */
public record RevisionView(String zone, String period, int revision, long submissionId, boolean late,
                           OffsetDateTime receivedAt, String submittedBy, String submitterProvince,
                           List<Change> changes, String mode) {

    /**
     * @param change              ADDED, CHANGED or REMOVED
     * @param previous            the value in the previous revision
     * @param current             the value in this revision
     * @param changed             for CHANGED, what changed: {@code value}, {@code provisional}, {@code note} (one or more)
     * @param previousProvisional the previous revision's provisional mark of the value, where it held the value
     * @param currentProvisional  this revision's provisional mark of the value, where it holds the value
     * @param previousNote        the previous revision's note on the value, where it had one
     * @param currentNote         this revision's note on the value, where it has one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ValueChange", description = "One indicator added, changed or removed against the previous revision; "
            + "a value counts as changed when its number, its provisional mark or its note changed.")
    public record Change(String indicator, String change, Double previous, Double current,
                         @Schema(description = "For CHANGED: what changed — value, provisional, note",
                                 example = "[\"provisional\", \"note\"]") List<String> changed,
                         Boolean previousProvisional, Boolean currentProvisional, String previousNote,
                         String currentNote) {
    }
}
