package cn.etdz.indicator.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One zone × one period of indicator values, as a province's system posts it.
 *
 * @param zone       zone code
 * @param period     the year, e.g. {@code "2015"}
 * @param values     the indicator values; each may carry a note and a provisional mark
 * @param receivedAt admins only, for loading historical submissions: when the original was received (decides
 *                   {@code late}); everyone else's submissions are received now
 * @param mode       {@code REPLACE} when absent: the values are the whole revision; {@code AMEND}: they change the newest
 *                   revision and every other value is carried forward
 * @param remove     {@code AMEND} only: indicators of the newest revision to leave out of the new one
 */
@Schema(name = "SubmissionRequest", example = """
        {"zone": "SUZHOU-IP", "period": "2015", "mode": "AMEND",
         "values": [{"indicator": "GDP", "value": 2070.5},
                    {"indicator": "SERV_VA", "value": 780.0, "provisional": true, "note": "preliminary"}]}""")
public record SubmissionRequest(String zone, String period, List<Value> values, OffsetDateTime receivedAt,
                                // left out of the JSON when absent, so a request hashes for its Idempotency-Key as before
                                @JsonInclude(JsonInclude.Include.NON_NULL)
                                @Schema(description = "REPLACE when absent: the values are the whole new revision. AMEND: "
                                        + "they change the newest revision of the zone-period and every value not named "
                                        + "is carried forward (an amendment of a zone-period without revisions is its "
                                        + "first revision).")
                                SubmissionMode mode,
                                @JsonInclude(JsonInclude.Include.NON_NULL)
                                @Schema(description = "AMEND only: indicator codes of the newest revision to leave out "
                                        + "of the new one.", example = "[\"FDI\"]")
                                List<String> remove) {

    public SubmissionRequest(String zone, String period, List<Value> values) {
        this(zone, period, values, null);
    }

    public SubmissionRequest(String zone, String period, List<Value> values, OffsetDateTime receivedAt) {
        this(zone, period, values, receivedAt, null, null);
    }

    /** Whether the values change the newest revision instead of replacing it. */
    public boolean amends() {
        return mode == SubmissionMode.AMEND;
    }

    /** The same values as an amendment of the newest revision. */
    SubmissionRequest asAmendment() {
        return new SubmissionRequest(zone, period, values, receivedAt, SubmissionMode.AMEND, remove);
    }

    /** The same submission with other values (an amendment resolved into the whole revision it makes). */
    SubmissionRequest withValues(List<Value> completeValues) {
        return new SubmissionRequest(zone, period, completeValues, receivedAt, mode, remove);
    }

    /**
     * @param indicator   indicator code from the catalogue, e.g. {@code GDP}
     * @param value       the value in the catalogue's unit
     * @param unit        optional; when given it must be the catalogue's unit
     * @param provisional true while the figure is preliminary
     * @param note        free text, up to 500 characters
     */
    @Schema(name = "SubmittedValue", description = "One indicator value as a province submits it.")
    public record Value(String indicator, Double value, String unit, Boolean provisional, String note) {

        public Value(String indicator, Double value, Boolean provisional, String note) {
            this(indicator, value, null, provisional, note);
        }
    }
}
