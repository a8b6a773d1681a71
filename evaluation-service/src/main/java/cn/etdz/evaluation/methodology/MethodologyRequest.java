package cn.etdz.evaluation.methodology;

import cn.etdz.evaluation.scoring.BottomWindow;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A methodology as posted or simulated. Enumerations are plain strings here so that a wrong one is reported as a
 * violation next to every other problem, rather than failing the whole body at the first. The version is not part of
 * the request: the service numbers versions itself.
 *
 * @param id                   methodology id, lower case letters, digits and dashes, e.g. {@code plan-2012-ETDZ}
 *                             (an id scores one zone type)
 * @param zoneType             ETDZ or BECZ
 * @param compositeAggregation ARITHMETIC or GEOMETRIC
 * @param regionGrouping       STATISTICAL_REGIONS or PLAN_GROUPS (default)
 * @param zeroRule             how geometric means treat zeros; default a floor of 1
 * @param imputation           NONE (default), PEER_MEDIAN or CARRY_FORWARD
 * @param nodes                the methodology as a tree, instead of {@code pillars}: top-level nodes, each with nodes
 *                             or indicators
 * @param flagRules            the dynamic-management flag rules; default the preset PLAN_2012
 */
@Schema(name = "MethodologyRequest", description = "A methodology: either the five pillars (pillars) or a tree of any "
        + "depth (nodes), with weights and aggregations, indicators with weight, direction, transform, normalisation "
        + "and parameters")
public record MethodologyRequest(String id, String zoneType, String compositeAggregation, String regionGrouping,
                                 List<PillarRequest> pillars, ZeroRuleRequest zeroRule, String imputation,
                                 List<NodeRequest> nodes, FlagRulesRequest flagRules) {

    /** A methodology in the five-pillar format with the plan's flag rules. */
    public MethodologyRequest(String id, String zoneType, String compositeAggregation, String regionGrouping,
                              List<PillarRequest> pillars, ZeroRuleRequest zeroRule, String imputation) {
        this(id, zoneType, compositeAggregation, regionGrouping, pillars, zeroRule, imputation, null, null);
    }

    /** A methodology with the default zero rule and no imputation. */
    public MethodologyRequest(String id, String zoneType, String compositeAggregation, String regionGrouping,
                              List<PillarRequest> pillars) {
        this(id, zoneType, compositeAggregation, regionGrouping, pillars, null, null);
    }

    /**
     * The zero rule of geometric means.
     *
     * @param type  FLOOR, SHIFT or EXCLUDE
     * @param value the floor or shift in points, at least 1; none for EXCLUDE
     */
    @Schema(name = "ZeroRuleRequest", description = "How geometric means treat scores of 0: FLOOR (max(x, value)), SHIFT "
            + "(exp(mean ln(x + value)) − value) or EXCLUDE (zeros left out, weights rescaled)")
    public record ZeroRuleRequest(String type, Double value) {
    }

    /**
     * One node of a tree: a pillar, sub-pillar, … that combines either further nodes or indicators.
     *
     * @param code        unique among the methodology's nodes, e.g. OPENING_UP
     * @param name        Chinese name, e.g. 对外开放
     * @param nameEn      English name, e.g. Opening-up
     * @param weight      weight among its siblings, positive
     * @param aggregation ARITHMETIC (default) or GEOMETRIC: how its children's scores combine
     * @param nodes       its child nodes (then no indicators)
     * @param indicators  its indicators (then no nodes)
     */
    @Schema(name = "MethodologyNodeRequest", description = "A node of a methodology tree: a code, Chinese and English names, "
            + "a weight among its siblings and an aggregation, and either child nodes or indicators")
    public record NodeRequest(String code, String name, String nameEn, Double weight, String aggregation,
                              List<NodeRequest> nodes, List<IndicatorRequest> indicators) {
    }

    /** One pillar: ECONOMY, INNOVATION, ENVIRONMENT, SOCIETY or INSTITUTIONS. */
    public record PillarRequest(String code, Double weight, String aggregation, List<IndicatorRequest> indicators) {
    }

    /**
     * One indicator of a pillar.
     *
     * @param direction     HIGHER or LOWER
     * @param transform     NONE (default), LOG1P (alias LOG), LN or LOG10; the parameters are given in the indicator's
 *                      unit and transformed with the values
     * @param normalisation MINMAX, GOALPOST, ZSCORE, TARGET, EFFICACY or RANK
     * @param parameters    the normalisation's parameters: min/max, target, satisfactory/impermissible
     */
    public record IndicatorRequest(String code, Double weight, String direction, String transform,
                                   String normalisation, Map<String, Double> parameters) {
    }

    /**
     * The flag rules: a preset, fields of one's own, or a preset with some fields changed (each field given replaces
     * the preset's; without a preset, PLAN_2012's).
     *
     * @param preset                    PLAN_2012, MOFCOM_2016 or MOFCOM_2021
     * @param peerScope                 NATIONAL (the zone type) or REGION (the region group)
     * @param bottomN                   bottom places counted, at least 1
     * @param warning                   bottom places in the last periods that make a WARNING (places and periods both)
     * @param exitCandidate             bottom places in the last periods that make an EXIT_CANDIDATE
     * @param topShare                  EXPANSION_ELIGIBLE: share of the ranked zones of the type, above 0 and at most 1
     * @param expansionPeriods          EXPANSION_ELIGIBLE: last periods in which the top share is held, 1–3
     * @param notReportedCountsAsBottom whether a zone that did not report or is unranked takes a bottom place
     */
    @Schema(name = "FlagRulesRequest", description = "Dynamic-management flag rules: a preset (PLAN_2012, MOFCOM_2016, "
            + "MOFCOM_2021) and/or the fields that replace the preset's")
    public record FlagRulesRequest(String preset, String peerScope, Integer bottomN, BottomWindow warning,
                                   BottomWindow exitCandidate, Double topShare, Integer expansionPeriods,
                                   Boolean notReportedCountsAsBottom) {
    }
}
