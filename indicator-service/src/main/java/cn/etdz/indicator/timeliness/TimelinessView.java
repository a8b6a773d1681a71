package cn.etdz.indicator.timeliness;

import cn.etdz.indicator.review.ReviewState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * How complete and punctual a period's data is, per province.
 *
 * @param deadline the day by which the period's data was due
 */
public record TimelinessView(String period, LocalDate deadline, List<Province> provinces, Counts total) {

    /**
     * @param missingZones codes of the expected zones without any accepted submission
     * @param zones        each expected zone: whether and when it reported, and where its newest revision's review stands
     */
    @Schema(name = "ProvinceTimeliness", description = "One province's timeliness in a period.")
    public record Province(String province, Counts counts, List<String> missingZones, List<Zone> zones) {
    }

    /**
     * @param expected       zones expected to report: not exited, approved by the end of the period (or date unknown)
     * @param submitted      expected zones with at least one accepted submission
     * @param onTime         submitted zones whose first submission arrived by the deadline
     * @param late           submitted zones whose first submission arrived after it
     * @param missing        expected zones without any submission
     * @param approved       submitted zones whose newest revision is approved
     * @param approvedOnTime approved zones whose newest revision was approved by the deadline
     * @param awaitingReview submitted zones whose newest revision is still SUBMITTED
     * @param returned       submitted zones whose newest revision was returned and not corrected yet
     */
    @Schema(name = "TimelinessCounts", description = "Zones expected, submitted, on time, late and missing, and where "
            + "the submitted ones stand in review.")
    public record Counts(int expected, int submitted, int onTime, int late, int missing, int approved,
                         int approvedOnTime, int awaitingReview, int returned) {

        Counts plus(Counts other) {
            return new Counts(expected + other.expected, submitted + other.submitted, onTime + other.onTime,
                    late + other.late, missing + other.missing, approved + other.approved,
                    approvedOnTime + other.approvedOnTime, awaitingReview + other.awaitingReview,
                    returned + other.returned);
        }
    }

    /**
     * @param submitted      at least one revision was accepted
     * @param late           its first revision arrived after the deadline; absent when missing
     * @param revision       its newest revision; absent when missing
     * @param reviewState    the newest revision's review state; absent when missing
     * @param approvedAt     when the newest revision was approved; absent unless approved
     * @param approvedOnTime the newest revision was approved by the deadline
     */
    @Schema(name = "ZoneTimeliness", description = "One expected zone in a period: reported or missing, late or on "
            + "time, and its newest revision's review state.")
    public record Zone(String zone, boolean submitted, Boolean late, Integer revision, ReviewState reviewState,
                       OffsetDateTime approvedAt, boolean approvedOnTime) {
    }
}
