package cn.etdz.evaluation.methodology;

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
 */
@Schema(name = "MethodologyRequest", description = "A methodology: either the five pillars (pillars) or a tree of any "
        + "depth (nodes), with weights and aggregations, indicators with weight, direction, transform, normalisation "
        + "and parameters")
public record MethodologyRequest(String id, String zoneType, String compositeAggregation, String regionGrouping,
                                 List<PillarRequest> pillars, ZeroRuleRequest zeroRule, String imputation,
                                 List<NodeRequest> nodes) {

    /** A methodology in the five-pillar format. */
    public MethodologyRequest(String id, String zoneType, String compositeAggregation, String regionGrouping,
                              List<PillarRequest> pillars, ZeroRuleRequest zeroRule, String imputation) {
        this(id, zoneType, compositeAggregation, regionGrouping, pillars, zeroRule, imputation, null);
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
}
