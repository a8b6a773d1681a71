package cn.etdz.evaluation.targets;

/**
 * One indicator against the plan: its 2015 target, the 2010 baseline, the value the annual path from the baseline
 * to the target asks for in the period, and the current value.
 *
 * @param direction    HIGHER or LOWER (is better)
 * @param baseline2010 the 2010 value the path starts from; {@code null} when unknown
 * @param path         the value due in this period on the path; {@code null} without a baseline
 * @param current      the value in this period; {@code null} when its inputs are missing
 * @param attainment   current against the 2015 target in percent (value/target, or target/value when lower is
 *                     better); {@code null} without a current value
 * @param status       ON_TRACK (meets the path), BEHIND, NO_DATA (no current value), NO_BASELINE (no path)
 * @param zones        zones whose values entered the value (1 for a zone's own line)
 */
public record TargetLine(String indicator, String unit, String direction, double target2015, Double baseline2010,
                         Double path, Double current, Double attainment, String status, int zones) {
}
