package cn.etdz.indicator.submission;

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
 */
@Schema(name = "SubmissionRequest", example = """
        {"zone": "SUZHOU-IP", "period": "2015",
         "values": [{"indicator": "GDP", "value": 2070.5},
                    {"indicator": "SERV_VA", "value": 780.0, "provisional": true, "note": "preliminary"}]}""")
public record SubmissionRequest(String zone, String period, List<Value> values, OffsetDateTime receivedAt) {

    public SubmissionRequest(String zone, String period, List<Value> values) {
        this(zone, period, values, null);
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
