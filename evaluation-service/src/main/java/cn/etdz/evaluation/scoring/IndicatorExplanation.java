package cn.etdz.evaluation.scoring;

import java.util.List;

/**
 * How one indicator of one zone entered its scores.
 *
 * @param indicator              indicator code
 * @param pillar                 the pillar of the five it belongs to (its top-level node); {@code null} when that
 *                               node is not one of the five
 * @param availability           whether it was scored, and if not, why
 * @param raw                    the submitted value, for a raw indicator; {@code null} if derived or missing
 * @param derived                the computed value, for a derived indicator; {@code null} if raw or missing
 * @param transformed            the value after the transform (equal to raw/derived without one); {@code null} if
 *                               missing or not transformable
 * @param normalised             the 0–100 score; {@code null} unless {@link Availability#PRESENT} or {@link Availability#IMPUTED}
 * @param effectiveWeight        weight within the pillar after the missing-data rescaling (the present indicators'
 *                               weights sum to 1); 0 when missing or when the pillar has no score
 * @param pillarContribution     share of the score of the node that holds it, its pillar in the five-pillar format
 *                               (see {@link Aggregators}): these add up to that score; {@code null} when missing or
 *                               when that node has no score
 * @param compositeContribution  share of the composite: the pillar's contribution to the composite split in
 *                               proportion to the indicator's share of the pillar score, so these add up to the
 *                               composite; {@code null} when missing or when the zone has no composite
 * @param imputation             how the value was imputed; {@code null} unless {@link Availability#IMPUTED}
 * @param imputed                the imputed value, in the indicator's unit (raw or derived); {@code null} unless
 *                               {@link Availability#IMPUTED}
 * @param path                   the codes of the nodes from the top of the tree down to the one that holds it, e.g.
 *                               {@code [INNOVATION]} or {@code [OPENING_UP, FOREIGN_INVESTMENT]}
 */
public record IndicatorExplanation(String indicator, PillarCode pillar, Availability availability, Double raw,
                                   Double derived, Double transformed, Double normalised, double effectiveWeight,
                                   Double pillarContribution, Double compositeContribution, Imputation imputation,
                                   Double imputed, List<String> path) {

    public IndicatorExplanation {
        path = path == null ? List.of() : List.copyOf(path);
    }

    /** The explanation of an indicator whose path is its pillar alone. */
    public IndicatorExplanation(String indicator, PillarCode pillar, Availability availability, Double raw,
                                Double derived, Double transformed, Double normalised, double effectiveWeight,
                                Double pillarContribution, Double compositeContribution, Imputation imputation,
                                Double imputed) {
        this(indicator, pillar, availability, raw, derived, transformed, normalised, effectiveWeight,
                pillarContribution, compositeContribution, imputation, imputed,
                pillar == null ? List.of() : List.of(pillar.name()));
    }

    /** The explanation of a value that was not imputed. */
    public IndicatorExplanation(String indicator, PillarCode pillar, Availability availability, Double raw,
                                Double derived, Double transformed, Double normalised, double effectiveWeight,
                                Double pillarContribution, Double compositeContribution) {
        this(indicator, pillar, availability, raw, derived, transformed, normalised, effectiveWeight,
                pillarContribution, compositeContribution, null, null);
    }
}
