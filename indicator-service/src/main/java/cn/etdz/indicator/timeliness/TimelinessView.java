package cn.etdz.indicator.timeliness;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * How complete and punctual a period's data is, per province.
 *
 * @param deadline the day by which the period's data was due
 */
public record TimelinessView(String period, LocalDate deadline, List<Province> provinces, Counts total) {

    /**
     * @param missingZones codes of the expected zones without any accepted submission
     */
    @Schema(name = "ProvinceTimeliness", description = "One province's timeliness in a period.")
    public record Province(String province, Counts counts, List<String> missingZones) {
    }

    /**
     * @param expected  zones expected to report: not exited, approved by the end of the period (or date unknown)
     * @param submitted expected zones with at least one accepted submission
     * @param onTime    submitted zones whose first submission arrived by the deadline
     * @param late      submitted zones whose first submission arrived after it
     * @param missing   expected zones without any submission
     */
    @Schema(name = "TimelinessCounts", description = "Zones expected, submitted, on time, late and missing.")
    public record Counts(int expected, int submitted, int onTime, int late, int missing) {

        Counts plus(Counts other) {
            return new Counts(expected + other.expected, submitted + other.submitted, onTime + other.onTime,
                    late + other.late, missing + other.missing);
        }
    }
}
