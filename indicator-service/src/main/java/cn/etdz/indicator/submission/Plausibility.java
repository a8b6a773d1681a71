package cn.etdz.indicator.submission;

import cn.etdz.indicator.catalogue.IndicatorRule;
import cn.etdz.indicator.catalogue.ValueType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The soft checks of domain.md: a value that looks implausible is accepted, stored and reported as a warning.
 * <ul>
 * <li>{@code large-change}: the value moved more than ±50 % against the zone's newest accepted value of the previous
 * year (only when that value is positive). Quantities and shares only: for counts such as accidents, 1 → 2 is not
 * implausible.</li>
 * <li>{@code outlier}: the robust (modified) z-score 0.6745·(x − median)/MAD of the value within its peer group (the
 * zones of the same type, same period, newest revisions) exceeds 3.5. Quantities and counts are compared on the log
 * scale because they grow with zone size, which spans orders of magnitude (zeros are left out); shares as they are.
 * Needs at least
 * {@value #MIN_PEERS} peer values and a non-zero MAD; yes/no indicators are not checked.</li>
 * </ul>
 */
final class Plausibility {

    static final double MAX_CHANGE = 0.5;
    static final double MAX_Z = 3.5;
    static final int MIN_PEERS = 5;

    private Plausibility() {
    }

    /**
     * @param previousYear the zone's newest accepted values of the previous period, by indicator
     * @param peers        the peer group's values of this period by indicator (including this zone's)
     */
    static List<SubmissionView.Warning> check(SubmissionRequest request, Map<String, IndicatorRule> catalogue,
                                              Map<String, Double> previousYear, Map<String, double[]> peers) {
        List<SubmissionView.Warning> warnings = new ArrayList<>();
        int previousPeriod = Integer.parseInt(request.period()) - 1;
        for (int i = 0; i < request.values().size(); i++) {
            SubmissionRequest.Value value = request.values().get(i);
            IndicatorRule rule = catalogue.get(value.indicator());
            if (rule == null || rule.valueType() == ValueType.YES_NO) {
                continue;
            }
            String field = "values[" + i + "].value";
            Double before = previousYear.get(value.indicator());
            if (before != null && before > 0 && rule.valueType() != ValueType.COUNT) {
                double change = value.value() / before - 1;
                if (Math.abs(change) > MAX_CHANGE) {
                    warnings.add(new SubmissionView.Warning(field, "large-change", String.format(Locale.ROOT,
                            "%s changed by %+.0f %% against %d (%s → %s).", value.indicator(), change * 100,
                            previousPeriod, SubmissionRules.plain(before), SubmissionRules.plain(value.value()))));
                }
            }
            double[] group = peers.get(value.indicator());
            boolean logScale = rule.valueType() == ValueType.NUMBER || rule.valueType() == ValueType.COUNT;
            Double z = group == null ? null : modifiedZ(scale(value.value(), logScale), scaleAll(group, logScale));
            if (z != null && Math.abs(z) > MAX_Z) {
                warnings.add(new SubmissionView.Warning(field, "outlier", String.format(Locale.ROOT,
                        "%s = %s is far from its peer group (robust z-score %.1f, median %s).", value.indicator(),
                        SubmissionRules.plain(value.value()), z, SubmissionRules.plain(median(group)))));
            }
        }
        return warnings;
    }

    /** Modified z-score of x in the sample; null when the sample is too small or its MAD is zero. */
    static Double modifiedZ(double x, double[] sample) {
        double[] finite = Arrays.stream(sample).filter(Double::isFinite).toArray();
        if (!Double.isFinite(x) || finite.length < MIN_PEERS) {
            return null;
        }
        double median = median(finite);
        double mad = median(Arrays.stream(finite).map(v -> Math.abs(v - median)).toArray());
        return mad == 0 ? null : 0.6745 * (x - median) / mad;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double scale(double value, boolean log) {
        return log ? (value > 0 ? Math.log(value) : Double.NaN) : value;
    }

    private static double[] scaleAll(double[] values, boolean log) {
        return Arrays.stream(values).map(v -> scale(v, log)).toArray();
    }
}
