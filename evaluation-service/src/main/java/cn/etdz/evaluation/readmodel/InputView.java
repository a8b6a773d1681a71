package cn.etdz.evaluation.readmodel;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The inputs the evaluation service holds for a zone-period: the revision that counts and its values.
 *
 * @param revision     the newest revision received
 * @param submissionId the indicator service's id of that revision
 * @param eventId      the event it arrived with
 * @param appliedAt    when this service applied it
 */
public record InputView(String zone, String period, int revision, long submissionId, boolean late,
                        OffsetDateTime receivedAt, String eventId, OffsetDateTime appliedAt, List<Value> values) {

    @Schema(name = "InputValue", description = "One indicator value of the revision the evaluation service holds.")
    public record Value(String indicator, double value, boolean provisional) {
    }
}
