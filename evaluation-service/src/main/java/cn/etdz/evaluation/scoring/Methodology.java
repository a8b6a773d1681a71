package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import static cn.etdz.evaluation.scoring.Direction.HIGHER;
import static cn.etdz.evaluation.scoring.Direction.LOWER;

/**
 * A versioned scoring methodology for one zone type: data, not code. Checked by {@link MethodologyValidator}.
 *
 * @param id                   stable identifier, e.g. {@code plan-2012}
 * @param version              version of that identifier; a changed methodology is a new version
 * @param zoneType             the peer group it scores
 * @param compositeAggregation how pillar scores combine into the composite
 * @param regionGrouping       which grouping the regional ranks use; {@code null} means
 *                             {@link RegionGrouping#STATISTICAL_REGIONS}
 * @param pillars              the five pillars, each once, in the five-pillar format; empty when the methodology is
 *                             given as a tree
 * @param zeroRule             how geometric means treat zeros; {@code null} means {@link ZeroRule#DEFAULT}, a floor
 *                             of 1
 * @param imputation           what replaces a missing value; {@code null} means {@link Imputation#NONE}
 * @param nodes                the methodology as a tree: the composite's top-level nodes, each with nodes or
 *                             indicators; empty in the five-pillar format (see {@link #tree()})
 * @param flagRules            the dynamic-management flag rules; {@code null} means the preset
 *                             {@link FlagPreset#PLAN_2012}
 */
public record Methodology(String id, String version, ZoneType zoneType, Aggregation compositeAggregation,
                          RegionGrouping regionGrouping, List<Pillar> pillars, ZeroRule zeroRule,
                          Imputation imputation, List<MethodologyNode> nodes, FlagRules flagRules) {

    /** Identifier of the default methodology. */
    public static final String PLAN_2012 = "plan-2012";
    /** Weight of a level indicator (amount, count, growth rate, yes/no) in {@code plan-2012}. */
    public static final double LEVEL_WEIGHT = 1.0;
    /** Weight of an intensity, share, per-worker or per-land indicator in {@code plan-2012}: 1.5 × level. */
    public static final double QUALITY_WEIGHT = 1.5;

    public Methodology {
        regionGrouping = regionGrouping == null ? RegionGrouping.STATISTICAL_REGIONS : regionGrouping;
        pillars = pillars == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(pillars));
        zeroRule = zeroRule == null ? ZeroRule.DEFAULT : zeroRule;
        imputation = imputation == null ? Imputation.NONE : imputation;
        nodes = nodes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(nodes));
        flagRules = flagRules == null ? FlagRules.of(FlagPreset.PLAN_2012) : flagRules;
    }

    /** A methodology in the five-pillar format with the plan's flag rules. */
    public Methodology(String id, String version, ZoneType zoneType, Aggregation compositeAggregation,
                       RegionGrouping regionGrouping, List<Pillar> pillars, ZeroRule zeroRule,
                       Imputation imputation) {
        this(id, version, zoneType, compositeAggregation, regionGrouping, pillars, zeroRule, imputation, null, null);
    }

    /** A methodology given as a tree: top-level nodes, then their nodes, …, then indicators. */
    public static Methodology ofNodes(String id, String version, ZoneType zoneType, Aggregation compositeAggregation,
                                   RegionGrouping regionGrouping, List<MethodologyNode> nodes, ZeroRule zeroRule,
                                   Imputation imputation) {
        return new Methodology(id, version, zoneType, compositeAggregation, regionGrouping, List.of(), zeroRule,
                imputation, nodes, null);
    }

    /**
     * The tree the engine scores: the nodes, or in the five-pillar format the pillars as nodes of indicators (code =
     * pillar code, the plan's names).
     */
    public List<MethodologyNode> tree() {
        return nodes.isEmpty() ? pillarNodes(pillars) : nodes;
    }

    /** A methodology with the default zero rule and no imputation. */
    public Methodology(String id, String version, ZoneType zoneType, Aggregation compositeAggregation,
                       RegionGrouping regionGrouping, List<Pillar> pillars) {
        this(id, version, zoneType, compositeAggregation, regionGrouping, pillars, null, null);
    }

    /**
     * The default methodology {@code plan-2012}, version 1, after the plan's section 五(五): five pillars weighted
     * economy 30, innovation 25, environment 20, society 15, institutions 10; arithmetic means at both levels;
     * regional ranks in the plan's three groups. Quality and efficiency count more: intensity, share, per-worker and
     * per-land indicators weigh {@value #QUALITY_WEIGHT}, everything else {@value #LEVEL_WEIGHT}. Level indicators
     * (amounts and counts) are {@code ln(1 + x)}-transformed, then min-max within the peer group; indicators with a
     * plan target ({@link PlanTargets}) use {@code target} with the zone type's 2015 target.
     *
     * <p>The indicators, and why:
     * <ul>
     *   <li><b>economy</b>: levels {@code GDP}, {@code FDI}, {@code TAX}, {@code TRADE} (size of the zone's economy,
     *       investment, fiscal and external contribution; {@code IND_VA}, {@code SERV_VA}, {@code IND_OUTPUT} and
     *       {@code EXPORTS} are left out as parts of these or numerators of shares); growth {@code GDP_GROWTH},
     *       {@code FDI_GROWTH}, {@code TAX_GROWTH} against the plan's annual targets; quality {@code SERV_SHARE},
     *       {@code GDP_PER_WORKER}, {@code GDP_PER_KM2} against the plan's targets. Border zones add the levels
     *       {@code BORDER_TRADE} and {@code PORT_THROUGHPUT}, their reason to exist.</li>
     *   <li><b>innovation</b>: levels {@code RD_CENTERS}, {@code HT_FIRMS}; quality {@code HT_SHARE} (plan target),
     *       {@code RD_INTENSITY}, {@code HT_TRADE_SHARE}, {@code GRADUATE_SHARE} (min-max: no plan target).</li>
     *   <li><b>environment</b>: {@code ENERGY_INTENSITY} (lower is better, plan target), {@code SO2_INTENSITY},
     *       {@code COD_INTENSITY} (lower is better, min-max); {@code ISO14000} and {@code ECO_PARK} as yes/no
     *       goalposts 0–1. Absolute emissions are left out: they measure size, the intensities measure quality.</li>
     *   <li><b>society</b>: level {@code EMPLOYEES}; {@code SOCIAL_INS} as a share on its natural goalposts 0–100 %;
     *       {@code SAFETY_ACC} as a count, lower is better.</li>
     *   <li><b>institutions</b>: {@code LEGAL_BASIS} and {@code ONE_STOP} as yes/no goalposts 0–1;
     *       {@code APPROVAL_DAYS} lower is better, min-max; {@code ONLINE_RATE} as a share on goalposts 0–100 %.</li>
     * </ul>
     */
    public static Methodology plan2012(ZoneType zoneType) {
        Objects.requireNonNull(zoneType, "zoneType");
        List<IndicatorSpec> economy = new ArrayList<>(List.of(
                level("GDP"), level("FDI"), level("TAX"), level("TRADE"),
                planTarget("GDP_GROWTH", LEVEL_WEIGHT, HIGHER, zoneType),
                planTarget("FDI_GROWTH", LEVEL_WEIGHT, HIGHER, zoneType),
                planTarget("TAX_GROWTH", LEVEL_WEIGHT, HIGHER, zoneType),
                planTarget("SERV_SHARE", QUALITY_WEIGHT, HIGHER, zoneType),
                planTarget("GDP_PER_WORKER", QUALITY_WEIGHT, HIGHER, zoneType),
                planTarget("GDP_PER_KM2", QUALITY_WEIGHT, HIGHER, zoneType)));
        if (zoneType == ZoneType.BECZ) {
            economy.add(level("BORDER_TRADE"));
            economy.add(level("PORT_THROUGHPUT"));
        }
        List<IndicatorSpec> innovation = List.of(
                level("RD_CENTERS"), level("HT_FIRMS"),
                planTarget("HT_SHARE", QUALITY_WEIGHT, HIGHER, zoneType),
                IndicatorSpec.minMax("RD_INTENSITY", QUALITY_WEIGHT, HIGHER),
                IndicatorSpec.minMax("HT_TRADE_SHARE", QUALITY_WEIGHT, HIGHER),
                IndicatorSpec.minMax("GRADUATE_SHARE", QUALITY_WEIGHT, HIGHER));
        List<IndicatorSpec> environment = List.of(
                planTarget("ENERGY_INTENSITY", QUALITY_WEIGHT, LOWER, zoneType),
                IndicatorSpec.minMax("SO2_INTENSITY", QUALITY_WEIGHT, LOWER),
                IndicatorSpec.minMax("COD_INTENSITY", QUALITY_WEIGHT, LOWER),
                yesNo("ISO14000"), yesNo("ECO_PARK"));
        List<IndicatorSpec> society = List.of(
                level("EMPLOYEES"),
                IndicatorSpec.goalpost("SOCIAL_INS", QUALITY_WEIGHT, HIGHER, 0, 100),
                IndicatorSpec.logMinMax("SAFETY_ACC", LEVEL_WEIGHT, LOWER));
        List<IndicatorSpec> institutions = List.of(
                yesNo("LEGAL_BASIS"), yesNo("ONE_STOP"),
                IndicatorSpec.minMax("APPROVAL_DAYS", LEVEL_WEIGHT, LOWER),
                IndicatorSpec.goalpost("ONLINE_RATE", QUALITY_WEIGHT, HIGHER, 0, 100));
        return new Methodology(PLAN_2012, "1", zoneType, Aggregation.ARITHMETIC, RegionGrouping.PLAN_GROUPS, List.of(
                new Pillar(PillarCode.ECONOMY, 30, Aggregation.ARITHMETIC, economy),
                new Pillar(PillarCode.INNOVATION, 25, Aggregation.ARITHMETIC, innovation),
                new Pillar(PillarCode.ENVIRONMENT, 20, Aggregation.ARITHMETIC, environment),
                new Pillar(PillarCode.SOCIETY, 15, Aggregation.ARITHMETIC, society),
                new Pillar(PillarCode.INSTITUTIONS, 10, Aggregation.ARITHMETIC, institutions)));
    }

    /** Sum of the top-level node weights, the denominator of a top-level node's share of the composite. */
    public double totalPillarWeight() {
        double total = 0;
        for (MethodologyNode node : tree()) {
            total += node.weight();
        }
        return total;
    }

    /** Every indicator of the tree, depth first in the methodology's order. */
    public List<IndicatorSpec> indicators() {
        List<IndicatorSpec> indicators = new ArrayList<>();
        collect(tree(), indicators);
        return indicators;
    }

    private static void collect(List<MethodologyNode> nodes, List<IndicatorSpec> into) {
        for (MethodologyNode node : nodes) {
            if (node != null) {
                into.addAll(node.indicators());
                collect(node.nodes(), into);
            }
        }
    }

    private static List<MethodologyNode> pillarNodes(List<Pillar> pillars) {
        List<MethodologyNode> nodes = new ArrayList<>(pillars.size());
        for (Pillar pillar : pillars) {
            nodes.add(MethodologyNode.of(pillar));
        }
        return Collections.unmodifiableList(nodes);
    }

    private static IndicatorSpec level(String code) {
        return IndicatorSpec.logMinMax(code, LEVEL_WEIGHT, HIGHER);
    }

    private static IndicatorSpec yesNo(String code) {
        return IndicatorSpec.goalpost(code, LEVEL_WEIGHT, HIGHER, 0, 1);
    }

    private static IndicatorSpec planTarget(String code, double weight, Direction direction, ZoneType zoneType) {
        double target = PlanTargets.target2015(code, zoneType)
                .orElseThrow(() -> new IllegalStateException("no plan target for " + code));
        return IndicatorSpec.target(code, weight, direction, target);
    }
}
