package cn.etdz.evaluation.scoring;

/**
 * One pillar of one zone.
 *
 * @param pillar                which pillar
 * @param score                 0–100, {@code null} when less than 2/3 of the pillar's indicator weight is present
 * @param coverage              share of the pillar's indicator weight present, 0–1
 * @param weight                the pillar's weight in the composite, rescaled so the five sum to 1
 * @param compositeContribution share of the composite (see {@link Aggregators}); the five add up to the composite;
 *                              {@code null} when the zone has no composite
 */
public record PillarScore(PillarCode pillar, Double score, double coverage, double weight,
                          Double compositeContribution) {
}
