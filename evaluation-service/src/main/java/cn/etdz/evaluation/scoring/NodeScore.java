package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node of the methodology's tree, for one zone.
 *
 * @param code                  the node's code
 * @param name                  its Chinese name
 * @param nameEn                its English name
 * @param score                 0–100; {@code null} when its data is insufficient: a node of indicators below 2/3 of
 *                              its indicator weight, a node of nodes with any child without a score
 * @param coverage              share of the node's weight whose indicators are present, 0–1
 * @param weight                the node's weight among its siblings, rescaled so the siblings sum to 1
 * @param compositeContribution share of the composite (see {@link Aggregators}): siblings add up to their parent's,
 *                              the top-level nodes to the composite; {@code null} when the zone has no composite
 * @param nodes                 its child nodes' scores; empty for a node of indicators
 */
public record NodeScore(String code, String name, String nameEn, Double score, double coverage, double weight,
                        Double compositeContribution, List<NodeScore> nodes) {

    public NodeScore {
        nodes = nodes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(nodes));
    }
}
