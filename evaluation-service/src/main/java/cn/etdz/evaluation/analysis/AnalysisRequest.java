package cn.etdz.evaluation.analysis;

import cn.etdz.evaluation.simulation.SimulationRequest;

import java.util.List;

/**
 * An analysis to run: of a stored peer group and period (its newest snapshot), or of a what-if data set.
 *
 * @param kind         {@code UNCERTAINTY} or {@code SENSITIVITY}
 * @param zoneType     with {@code period}: the stored peer group to analyse
 * @param period       the period, a year
 * @param simulation   instead of a stored peer group: a data set and methodology as {@code simulate} takes them
 * @param inputs       what varies
 * @param replications N: replications of an uncertainty analysis, rows of a sensitivity analysis's design
 * @param seed         seed of the draws; the same seed gives the same result. Default: one chosen at random, returned
 */
public record AnalysisRequest(String kind, String zoneType, String period, SimulationRequest simulation,
                              Inputs inputs, Integer replications, Long seed) {

    /**
     * The uncertain inputs as posted.
     *
     * @param pillarWeightNoise     ε: each pillar weight × U(1 − ε, 1 + ε); 0 ≤ ε &lt; 1
     * @param indicatorWeightNoise  ε of the indicator weights
     * @param normalisations        MINMAX, ZSCORE or RANK, to draw from for indicators normalised within the peer group
     * @param pillarAggregations    ARITHMETIC or GEOMETRIC, to draw from for every pillar
     * @param compositeAggregations ARITHMETIC or GEOMETRIC, to draw from for the composite
     * @param leaveOneOut           leave out no indicator or one, each equally likely
     * @param imputations           NONE, PEER_MEDIAN or CARRY_FORWARD, to draw from for the missing values
     */
    public record Inputs(Double pillarWeightNoise, Double indicatorWeightNoise, List<String> normalisations,
                         List<String> pillarAggregations, List<String> compositeAggregations, Boolean leaveOneOut,
                         List<String> imputations) {
    }
}
