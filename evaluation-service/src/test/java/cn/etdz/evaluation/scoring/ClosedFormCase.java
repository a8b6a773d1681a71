package cn.etdz.evaluation.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.etdz.evaluation.scoring.Direction.HIGHER;
import static cn.etdz.evaluation.scoring.Direction.LOWER;

/**
 * Three ETDZ whose composite follows a closed form: every pillar one indicator in logs against goalposts in raw units
 * (society min-max in logs), composite the weighted geometric mean 3 : 2 : 2 : 1 : 1 under a shift of 1. Zone C sits
 * on every lower goalpost. Shared by the engine's test and the simulation API's.
 */
public final class ClosedFormCase {

    public static final List<String> ZONES = List.of("A", "B", "C");
    /** GDP, RD_CENTERS, ENERGY, EMPLOYEES, APPROVAL_DAYS per zone. */
    public static final Map<String, double[]> VALUES = Map.of(
            "A", new double[] {50, 3, 40, 5, 20},
            "B", new double[] {2_000, 60, 400, 40, 3},
            "C", new double[] {10, 1, 10, 2, 100});

    private ClosedFormCase() {
    }

    public static Methodology methodology() {
        return new Methodology("closed-form", "1", ZoneType.ETDZ, Aggregation.GEOMETRIC,
                RegionGrouping.STATISTICAL_REGIONS, List.of(
                pillar(PillarCode.ECONOMY, 3, new IndicatorSpec("GDP", 1, HIGHER, Transform.LN,
                        Normalisation.GOALPOST, Map.of(IndicatorSpec.MIN, 10.0, IndicatorSpec.MAX, 10_000.0))),
                pillar(PillarCode.INNOVATION, 2, new IndicatorSpec("RD_CENTERS", 1, HIGHER, Transform.LN,
                        Normalisation.GOALPOST, Map.of(IndicatorSpec.MIN, 1.0, IndicatorSpec.MAX, 100.0))),
                pillar(PillarCode.ENVIRONMENT, 2, new IndicatorSpec("ENERGY_INTENSITY", 1, LOWER, Transform.LN,
                        Normalisation.GOALPOST, Map.of(IndicatorSpec.MIN, 0.1, IndicatorSpec.MAX, 1.0))),
                pillar(PillarCode.SOCIETY, 1, new IndicatorSpec("EMPLOYEES", 1, HIGHER, Transform.LN,
                        Normalisation.MINMAX, null)),
                pillar(PillarCode.INSTITUTIONS, 1, new IndicatorSpec("APPROVAL_DAYS", 1, LOWER, Transform.LOG10,
                        Normalisation.GOALPOST, Map.of(IndicatorSpec.MIN, 1.0, IndicatorSpec.MAX, 100.0)))),
                ZeroRule.shift(1), Imputation.NONE);
    }

    public static PeerGroupData peerGroup() {
        Map<String, Map<String, Double>> values = new HashMap<>();
        VALUES.forEach((code, v) -> values.put(code, Map.of("GDP", v[0], "RD_CENTERS", v[1], "ENERGY", v[2],
                "EMPLOYEES", v[3], "APPROVAL_DAYS", v[4])));
        return new PeerGroupData(ZONES.stream().map(code -> new Zone(code, ZoneType.ETDZ, Region.EAST)).toList(), values, null);
    }

    /** {@code exp((3 ln(s₁+1) + 2 ln(s₂+1) + 2 ln(s₃+1) + ln(s₄+1) + ln(s₅+1)) / 9) − 1}. */
    public static double composite(String code) {
        double[] v = VALUES.get(code);
        double economy = goalpost(Math.log(v[0]), Math.log(10), Math.log(10_000));
        double innovation = goalpost(Math.log(v[1]), Math.log(1), Math.log(100));
        double environment = goalpost(-Math.log(v[2] / v[0]), -Math.log(1.0), -Math.log(0.1));
        double society = 100 * ((Math.log(v[3]) - Math.log(2)) / (Math.log(40) - Math.log(2)));
        double institutions = goalpost(-Math.log10(v[4]), -Math.log10(100), -Math.log10(1));
        double logMean = (3 * Math.log(economy + 1) + 2 * Math.log(innovation + 1) + 2 * Math.log(environment + 1)
                + Math.log(society + 1) + Math.log(institutions + 1)) / 9;
        return Math.exp(logMean) - 1;
    }

    private static double goalpost(double x, double min, double max) {
        return Math.max(0, Math.min(100, 100 * (x - min) / (max - min)));
    }

    private static Pillar pillar(PillarCode code, double weight, IndicatorSpec spec) {
        return new Pillar(code, weight, Aggregation.ARITHMETIC, List.of(spec));
    }
}
