package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node of a methodology's tree: a part of the composite (a pillar, a sub-pillar, …) that combines either further
 * nodes or indicators, never both. Checked by {@link MethodologyValidator}, not here, so that every problem of a
 * methodology can be reported at once.
 *
 * @param code        identifier, unique among all nodes of the methodology, e.g. {@code OPENING_UP}
 * @param name        Chinese name, e.g. {@code 对外开放}
 * @param nameEn      English name
 * @param weight      weight relative to its sibling nodes, positive; rescaled by the engine
 * @param aggregation how the scores of its children are combined
 * @param nodes       its child nodes; empty when it combines indicators
 * @param indicators  its indicators; empty when it combines nodes
 */
public record MethodologyNode(String code, String name, String nameEn, double weight, Aggregation aggregation, List<MethodologyNode> nodes,
                   List<IndicatorSpec> indicators) {

    public MethodologyNode {
        // copies that keep null elements, so the validator can report them
        nodes = nodes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(nodes));
        indicators = indicators == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(indicators));
    }

    /** A node of nodes. */
    public static MethodologyNode of(String code, String name, String nameEn, double weight, Aggregation aggregation,
                          List<MethodologyNode> nodes) {
        return new MethodologyNode(code, name, nameEn, weight, aggregation, nodes, List.of());
    }

    /** A node of indicators. */
    public static MethodologyNode ofIndicators(String code, String name, String nameEn, double weight, Aggregation aggregation,
                                    List<IndicatorSpec> indicators) {
        return new MethodologyNode(code, name, nameEn, weight, aggregation, List.of(), indicators);
    }

    /** The node a pillar of the five-pillar format stands for: its code, the plan's names, weight and indicators. */
    static MethodologyNode of(Pillar pillar) {
        if (pillar == null) {
            return null;
        }
        PillarCode code = pillar.code();
        return new MethodologyNode(code == null ? null : code.name(), code == null ? null : code.nameZh(),
                code == null ? null : code.nameEn(), pillar.weight(), pillar.aggregation(), List.of(),
                pillar.indicators());
    }

    /** Whether it combines indicators (rather than nodes). */
    public boolean combinesIndicators() {
        return nodes.isEmpty();
    }
}
