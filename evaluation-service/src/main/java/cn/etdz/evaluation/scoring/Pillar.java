package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One pillar of a methodology.
 *
 * @param code        which of the five pillars
 * @param weight      weight relative to the other pillars in the composite, positive; rescaled by the engine
 * @param aggregation how the pillar's indicator scores are combined
 * @param indicators  the pillar's indicators; {@code null} means none (which the validator reports)
 */
public record Pillar(PillarCode code, double weight, Aggregation aggregation, List<IndicatorSpec> indicators) {

    public Pillar {
        indicators = indicators == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(indicators));
    }

    /** Sum of the indicator weights, the denominator of the pillar's coverage. */
    public double totalIndicatorWeight() {
        double total = 0;
        for (IndicatorSpec indicator : indicators) {
            total += indicator.weight();
        }
        return total;
    }
}
