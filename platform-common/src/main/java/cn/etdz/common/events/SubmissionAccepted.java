package cn.etdz.common.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Payload of {@link EventTypes#SUBMISSION_ACCEPTED}: the full values of one accepted revision, so consumers never
 * call back. Schema version {@value #SCHEMA_VERSION}.
 *
 * @param submissionId id of the stored submission
 * @param zone         zone code (also the record key, so one zone's revisions stay ordered)
 * @param period       the year, e.g. {@code "2015"}
 * @param revision     1, 2, 3 … within the zone-period; the highest wins
 * @param late         received after the period's deadline
 * @param receivedAt   when the indicator service accepted it
 * @param submittedBy  token subject of the sender
 * @param values       every value of this revision, also of an amendment (which carries the others forward)
 * @param mode         {@code REPLACE} (the values are the whole revision as sent) or {@code AMEND} (the sender named
 *                     only the values that change); absent in events written before amendments, which replaced
 * @param amended      the indicators an amendment set or removed, in the order named; empty for a replacement
 */
public record SubmissionAccepted(long submissionId, String zone, String period, int revision, boolean late,
                                 OffsetDateTime receivedAt, String submittedBy, List<Value> values, String mode,
                                 List<String> amended) {

    public static final int SCHEMA_VERSION = 1;

    public SubmissionAccepted {
        values = values == null ? List.of() : List.copyOf(values);
        mode = mode == null ? "REPLACE" : mode;
        amended = amended == null ? List.of() : List.copyOf(amended);
    }

    /** A replacement: the values are the whole revision as sent. */
    public SubmissionAccepted(long submissionId, String zone, String period, int revision, boolean late,
                              OffsetDateTime receivedAt, String submittedBy, List<Value> values) {
        this(submissionId, zone, period, revision, late, receivedAt, submittedBy, values, null, null);
    }

    /** One indicator value as submitted. */
    public record Value(String indicator, double value, boolean provisional, String note) {
    }
}
