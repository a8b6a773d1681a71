package cn.etdz.evaluation.targets;

import cn.etdz.evaluation.scoring.PlanTargets;
import cn.etdz.evaluation.scoring.ZoneType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan's targets (docs/method.md; MOFCOM 2012) against current values, as plain functions.
 *
 * <p>Paths from the 2010 baseline to the 2015 target: totals (GDP, FDI, tax) grow at a constant annual rate,
 * {@code path(Y) = b × (t / b)^((Y − 2010) / 5)}, as the plan's growth targets are annual rates; ratios move linearly,
 * {@code path(Y) = b + (t − b) × (Y − 2010) / 5}; after 2015 the path is the target. Growth rates are annual targets
 * themselves: the path is the target every year. A value is ON_TRACK when it meets the path in the indicator's
 * direction. A zone's baseline is its own 2010 value; where it has none, the plan's 2010 figure for all zones of the
 * type is used when the plan gives one.
 */
public final class TargetCalculator {

    /** A targeted indicator: numerator and denominator (or, for a growth rate, the level that grows). */
    private record Measure(String code, String unit, boolean lowerIsBetter, String numerator, String denominator,
                           double scale, boolean growth) {
    }

    private static final List<Measure> RATIOS = List.of(
            new Measure("SERV_SHARE", "%", false, "SERV_VA", "GDP", 100, false),
            new Measure("HT_SHARE", "%", false, "HT_OUTPUT", "IND_OUTPUT", 100, false),
            new Measure("GDP_PER_WORKER", "万元/人", false, "GDP", "EMPLOYEES", 1, false),
            new Measure("GDP_PER_KM2", "亿元/km²", false, "GDP", "AREA_BUILT", 1, false),
            new Measure("ENERGY_INTENSITY", "吨标准煤/万元", true, "ENERGY", "GDP", 1, false),
            new Measure("GDP_GROWTH", "%", false, "GDP", null, 100, true),
            new Measure("FDI_GROWTH", "%", false, "FDI", null, 100, true),
            new Measure("TAX_GROWTH", "%", false, "TAX", null, 100, true));

    /** The plan's aggregate 2015 targets and 2010 baselines of all zones of a type: { target, baseline }. */
    private static final Map<ZoneType, Map<String, double[]>> TOTALS = Map.of(
            ZoneType.ETDZ, Map.of("GDP", new double[] {53_000, 26_849}, "FDI", new double[] {480, 305},
                    "TAX", new double[] {10_600, 4_650}),
            ZoneType.BECZ, Map.of("GDP", new double[] {980, 390}, "FDI", new double[] {8, 4.1},
                    "TAX", new double[] {90, 41}));

    /** The plan's 2010 figures of ratios for all ETDZ (services VA / GDP, high-tech share, energy, GDP per worker). */
    private static final Map<String, Double> ETDZ_RATIO_BASELINES = Map.of(
            "SERV_SHARE", 23.9, "HT_SHARE", 43.8, "ENERGY_INTENSITY", 0.48, "GDP_PER_WORKER", 26_849.0 / 920);

    private static final int BASE_YEAR = 2010;
    private static final int TARGET_YEAR = 2015;

    private TargetCalculator() {
    }

    /**
     * A zone's lines.
     *
     * @param current  the period's raw values
     * @param previous the previous period's raw values (growth rates), may be empty
     * @param base     the zone's 2010 raw values, may be empty
     */
    public static List<TargetLine> zone(ZoneType type, int year, Map<String, Double> current,
                                        Map<String, Double> previous, Map<String, Double> base) {
        List<TargetLine> lines = new ArrayList<>();
        for (Measure measure : RATIOS) {
            double target = PlanTargets.target2015(measure.code(), type).orElseThrow();
            Double value = value(measure, current, previous);
            Double baseline = measure.growth() ? null : value(measure, base, Map.of());
            if (baseline == null && !measure.growth() && type == ZoneType.ETDZ) {
                baseline = ETDZ_RATIO_BASELINES.get(measure.code());
            }
            lines.add(line(measure, target, baseline, linearPath(measure, baseline, target, year), value,
                    value == null ? 0 : 1));
        }
        return lines;
    }

    /**
     * The type's lines: totals of GDP, FDI and tax against the plan's aggregate targets, then each ratio computed on
     * sums over the zones reporting both of its parts.
     *
     * @param current  the period's raw values by zone
     * @param previous the previous period's raw values by zone
     */
    public static List<TargetLine> aggregate(ZoneType type, int year, Map<String, Map<String, Double>> current,
                                             Map<String, Map<String, Double>> previous) {
        List<TargetLine> lines = new ArrayList<>();
        for (var total : List.of("GDP", "FDI", "TAX")) {
            double[] plan = TOTALS.get(type).get(total);
            double sum = 0;
            int zones = 0;
            for (Map<String, Double> values : current.values()) {
                Double value = values.get(total);
                if (value != null) {
                    sum += value;
                    zones++;
                }
            }
            double path = year >= TARGET_YEAR ? plan[0]
                    : plan[1] * Math.pow(plan[0] / plan[1], (double) (year - BASE_YEAR) / (TARGET_YEAR - BASE_YEAR));
            Measure measure = new Measure(total, total.equals("FDI") ? "亿美元" : "亿元", false, total, null, 1, false);
            lines.add(line(measure, plan[0], plan[1], path, zones == 0 ? null : sum, zones));
        }
        for (Measure measure : RATIOS) {
            double target = PlanTargets.target2015(measure.code(), type).orElseThrow();
            double numerator = 0;
            double denominator = 0;
            int zones = 0;
            for (var entry : current.entrySet()) {
                Map<String, Double> values = entry.getValue();
                Double top = values.get(measure.numerator());
                Double bottom = measure.growth()
                        ? previous.getOrDefault(entry.getKey(), Map.of()).get(measure.numerator())
                        : values.get(measure.denominator());
                if (top != null && bottom != null) {
                    numerator += top;
                    denominator += bottom;
                    zones++;
                }
            }
            Double value = zones == 0 || denominator <= 0 ? null
                    : measure.growth() ? (numerator / denominator - 1) * measure.scale()
                    : numerator / denominator * measure.scale();
            Double baseline = measure.growth() || type != ZoneType.ETDZ ? null : ETDZ_RATIO_BASELINES.get(measure.code());
            lines.add(line(measure, target, baseline, linearPath(measure, baseline, target, year), value,
                    value == null ? 0 : zones));
        }
        return lines;
    }

    private static Double value(Measure measure, Map<String, Double> current, Map<String, Double> previous) {
        Double numerator = current.get(measure.numerator());
        Double denominator = measure.growth() ? previous.get(measure.numerator()) : current.get(measure.denominator());
        if (numerator == null || denominator == null || denominator <= 0) {
            return null;
        }
        return measure.growth() ? (numerator / denominator - 1) * measure.scale()
                : numerator / denominator * measure.scale();
    }

    private static Double linearPath(Measure measure, Double baseline, double target, int year) {
        if (measure.growth() || year >= TARGET_YEAR) {
            return target;
        }
        if (baseline == null) {
            return null;
        }
        return baseline + (target - baseline) * (year - BASE_YEAR) / (TARGET_YEAR - BASE_YEAR);
    }

    private static TargetLine line(Measure measure, double target, Double baseline, Double path, Double current,
                                   int zones) {
        String status;
        if (current == null) {
            status = "NO_DATA";
        } else if (path == null) {
            status = "NO_BASELINE";
        } else {
            // a value exactly on the path (120 / 100 − 1 = 19.999999999999996 %) is on track: compare with a
            // tolerance far below any reported precision
            double tolerance = 1e-9 * Math.max(1, Math.abs(path));
            boolean meets = measure.lowerIsBetter() ? current <= path + tolerance : current >= path - tolerance;
            status = meets ? "ON_TRACK" : "BEHIND";
        }
        return new TargetLine(measure.code(), measure.unit(), measure.lowerIsBetter() ? "LOWER" : "HIGHER", target,
                baseline, path, current, attainment(measure, target, current), status, zones);
    }

    /** The current value as a percentage of the target; none where a lower-is-better value is zero or less. */
    private static Double attainment(Measure measure, double target, Double current) {
        if (current == null) {
            return null;
        }
        if (measure.lowerIsBetter()) {
            return current > 0 ? 100 * target / current : null;
        }
        return 100 * current / target;
    }
}
