package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.catalogue.IndicatorRule;
import cn.etdz.indicator.catalogue.ValueType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The soft checks of docs/method.md: a value that looks implausible is accepted, stored and reported as a warning.
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
     * Median and MAD of one indicator in a peer group, on the scale the outlier check uses; computed once per group so
     * checking a national batch stays linear.
     */
    record PeerStats(double median, double mad, int size) {

        /** Stats of a sample, or null when it has fewer than {@value #MIN_PEERS} usable values or no spread. */
        static PeerStats of(double[] sample, boolean logScale) {
            double[] scaled = Arrays.stream(sample).map(v -> scale(v, logScale)).filter(Double::isFinite).sorted().toArray();
            return ofSorted(scaled, scaled.length);
        }

        /** Stats of the first {@code n} values of an ascending array of finite values. */
        static PeerStats ofSorted(double[] sorted, int n) {
            if (n < MIN_PEERS) {
                return null;
            }
            double median = middle(sorted, n);
            // the absolute deviations, ascending, are two ascending runs: left of the median read backwards, and the
            // rest; merging them up to the middle gives their median without sorting them
            int right = 0;
            while (right < n && sorted[right] < median) {
                right++;
            }
            int left = right - 1;
            double below = 0;
            double at = 0;
            for (int rank = 0; rank <= n / 2; rank++) {
                below = at;
                if (right >= n || (left >= 0 && Math.abs(sorted[left] - median) <= Math.abs(sorted[right] - median))) {
                    at = Math.abs(sorted[left--] - median);
                } else {
                    at = Math.abs(sorted[right++] - median);
                }
            }
            double mad = n % 2 != 0 ? at : (below + at) / 2;
            return mad == 0 ? null : new PeerStats(median, mad, n);
        }

        double z(double scaledValue) {
            return 0.6745 * (scaledValue - median) / mad;
        }
    }

    /**
     * One indicator's peer values on the outlier check's scale, sorted once per cached peer group, so the stats of the
     * group with a submission's own values in it cost a copy and a merge instead of two sorts per indicator.
     */
    static final class PeerSample {

        private final Map<String, Double> scaledByZone;
        private final double[] sorted;
        private final boolean logScale;

        private PeerSample(Map<String, Double> scaledByZone, double[] sorted, boolean logScale) {
            this.scaledByZone = scaledByZone;
            this.sorted = sorted;
            this.logScale = logScale;
        }

        /** @param byZone zone → value as submitted */
        static PeerSample of(Map<String, Double> byZone, boolean logScale) {
            Map<String, Double> scaled = new HashMap<>();
            byZone.forEach((zone, value) -> {
                double v = scale(value, logScale);
                if (Double.isFinite(v)) {
                    scaled.put(zone, v);
                }
            });
            double[] sorted = scaled.values().stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            return new PeerSample(scaled, sorted, logScale);
        }

        /**
         * Stats of the sample with these zones' values in place of theirs (or added): exactly {@link PeerStats#of} of
         * that sample.
         */
        PeerStats with(Map<String, Double> overlay) {
            if (overlay.size() > 32) { // a batch: sorting afresh beats shifting the array once per zone
                double[] values = new double[sorted.length + overlay.size()];
                int size = 0;
                for (Map.Entry<String, Double> entry : scaledByZone.entrySet()) {
                    if (!overlay.containsKey(entry.getKey())) {
                        values[size++] = entry.getValue();
                    }
                }
                for (double value : overlay.values()) {
                    double v = scale(value, logScale);
                    if (Double.isFinite(v)) {
                        values[size++] = v;
                    }
                }
                Arrays.sort(values, 0, size);
                return PeerStats.ofSorted(values, size);
            }
            double[] values = Arrays.copyOf(sorted, sorted.length + overlay.size());
            int size = sorted.length;
            for (Map.Entry<String, Double> entry : overlay.entrySet()) {
                Double old = scaledByZone.get(entry.getKey());
                if (old != null) {
                    int at = Arrays.binarySearch(values, 0, size, old);
                    System.arraycopy(values, at + 1, values, at, size - at - 1);
                    size--;
                }
                double v = scale(entry.getValue(), logScale);
                if (Double.isFinite(v)) {
                    int at = Arrays.binarySearch(values, 0, size, v);
                    at = at < 0 ? -at - 1 : at;
                    System.arraycopy(values, at, values, at + 1, size - at);
                    values[at] = v;
                    size++;
                }
            }
            return PeerStats.ofSorted(values, size);
        }
    }

    /** The scale of an indicator's outlier check: log for quantities and counts, as is for shares. */
    static boolean logScale(IndicatorRule rule) {
        return rule.valueType() == ValueType.NUMBER || rule.valueType() == ValueType.COUNT;
    }

    /**
     * @param previousYear the zone's newest accepted values of the previous period, by indicator
     * @param peers        the peer group's statistics of this period by indicator (from samples including this zone)
     */
    static List<Violation> check(SubmissionRequest request, Map<String, IndicatorRule> catalogue,
                                              Map<String, Double> previousYear, Map<String, PeerStats> peers) {
        List<Violation> warnings = new ArrayList<>();
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
                    warnings.add(new Violation(field, "large-change", Message.of("indicator.warning.large-change", value.indicator(),
                            String.format(Locale.ROOT, "%+.0f", change * 100), previousPeriod,
                            SubmissionRules.plain(before), SubmissionRules.plain(value.value()))));
                }
            }
            PeerStats stats = peers.get(value.indicator());
            double scaled = scale(value.value(), logScale(rule));
            if (stats != null && Double.isFinite(scaled) && Math.abs(stats.z(scaled)) > MAX_Z) {
                double median = logScale(rule) ? Math.exp(stats.median()) : stats.median();
                warnings.add(new Violation(field, "outlier", Message.of("indicator.warning.outlier", value.indicator(),
                        SubmissionRules.plain(value.value()), String.format(Locale.ROOT, "%.1f", stats.z(scaled)),
                        SubmissionRules.plain(Math.round(median * 100) / 100.0))));
            }
        }
        return warnings;
    }

    /** Modified z-score of x in the sample (as is); null when the sample is too small or its MAD is zero. */
    static Double modifiedZ(double x, double[] sample) {
        PeerStats stats = PeerStats.of(sample, false);
        return stats == null || !Double.isFinite(x) ? null : stats.z(x);
    }

    private static double middle(double[] sorted, int n) {
        return n % 2 != 0 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double scale(double value, boolean log) {
        return log ? (value > 0 ? Math.log(value) : Double.NaN) : value;
    }

}
