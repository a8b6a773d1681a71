package cn.etdz.evaluation.analysis;

import cn.etdz.evaluation.scoring.Aggregation;
import cn.etdz.evaluation.scoring.Imputation;
import cn.etdz.evaluation.scoring.Normalisation;

import java.util.ArrayList;
import java.util.List;

/**
 * What an analysis varies. An input is uncertain (and a factor of the sensitivity analysis) when its noise is above
 * zero or its list of alternatives is not empty; everything else stays as the methodology has it.
 *
 * @param pillarWeightNoise      ε of the pillar weights, 0 ≤ ε &lt; 1; 0 leaves them as they are
 * @param indicatorWeightNoise   ε of the indicator weights, 0 ≤ ε &lt; 1
 * @param normalisations         normalisations to draw from for the indicators the methodology normalises within the
 *                               peer group (MINMAX, ZSCORE, RANK); indicators with fixed goalposts or targets keep
 *                               theirs. Empty: unchanged
 * @param pillarAggregations     aggregations to draw from for all pillars; empty: unchanged
 * @param compositeAggregations  aggregations to draw from for the composite; empty: unchanged
 * @param leaveOneOut            whether to leave out no indicator or one (of a pillar that keeps at least one other)
 * @param imputations            imputations to draw from for the values the zones did not report; empty: unchanged
 */
public record UncertainInputs(double pillarWeightNoise, double indicatorWeightNoise, List<Normalisation> normalisations,
                              List<Aggregation> pillarAggregations, List<Aggregation> compositeAggregations,
                              boolean leaveOneOut, List<Imputation> imputations) {

    public UncertainInputs {
        normalisations = normalisations == null ? List.of() : List.copyOf(normalisations);
        pillarAggregations = pillarAggregations == null ? List.of() : List.copyOf(pillarAggregations);
        compositeAggregations = compositeAggregations == null ? List.of() : List.copyOf(compositeAggregations);
        imputations = imputations == null ? List.of() : List.copyOf(imputations);
    }

    /** Inputs that keep the methodology's imputation. */
    public UncertainInputs(double pillarWeightNoise, double indicatorWeightNoise, List<Normalisation> normalisations,
                           List<Aggregation> pillarAggregations, List<Aggregation> compositeAggregations,
                           boolean leaveOneOut) {
        this(pillarWeightNoise, indicatorWeightNoise, normalisations, pillarAggregations, compositeAggregations,
                leaveOneOut, List.of());
    }

    /** Nothing varies: every replication is the nominal result. */
    public static UncertainInputs none() {
        return new UncertainInputs(0, 0, List.of(), List.of(), List.of(), false, List.of());
    }

    /** The uncertain inputs, in the order of {@link UncertainInput}: the factors of a replication's draw. */
    public List<UncertainInput> active() {
        List<UncertainInput> active = new ArrayList<>();
        if (pillarWeightNoise > 0) {
            active.add(UncertainInput.PILLAR_WEIGHTS);
        }
        if (indicatorWeightNoise > 0) {
            active.add(UncertainInput.INDICATOR_WEIGHTS);
        }
        if (!normalisations.isEmpty()) {
            active.add(UncertainInput.NORMALISATION);
        }
        if (!pillarAggregations.isEmpty()) {
            active.add(UncertainInput.PILLAR_AGGREGATION);
        }
        if (!compositeAggregations.isEmpty()) {
            active.add(UncertainInput.COMPOSITE_AGGREGATION);
        }
        if (leaveOneOut) {
            active.add(UncertainInput.LEFT_OUT_INDICATOR);
        }
        if (!imputations.isEmpty()) {
            active.add(UncertainInput.IMPUTATION);
        }
        return active;
    }
}
