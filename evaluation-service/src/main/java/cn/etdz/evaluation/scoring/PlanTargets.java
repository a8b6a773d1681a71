package cn.etdz.evaluation.scoring;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * The plan's 2015 targets for single-zone indicators (docs/method.md, "Derived indicators"; MOFCOM 2012). Where the plan
 * gives one value it applies to both zone types.
 */
public final class PlanTargets {

    private static final Map<String, double[]> TARGETS_2015 = Map.of(
            // code -> { ETDZ, BECZ }
            "SERV_SHARE", new double[] {30, 30},
            "HT_SHARE", new double[] {49, 49},
            "GDP_PER_WORKER", new double[] {40, 33},
            "GDP_PER_KM2", new double[] {16, 16},
            "ENERGY_INTENSITY", new double[] {0.41, 0.41},
            "GDP_GROWTH", new double[] {15, 20},
            "FDI_GROWTH", new double[] {9, 14},
            "TAX_GROWTH", new double[] {18, 17});

    private PlanTargets() {
    }

    /** The plan's 2015 target of an indicator for a zone type, in the indicator's unit; empty if it has none. */
    public static OptionalDouble target2015(String code, ZoneType zoneType) {
        double[] targets = TARGETS_2015.get(code);
        if (targets == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(targets[zoneType == ZoneType.ETDZ ? 0 : 1]);
    }
}
