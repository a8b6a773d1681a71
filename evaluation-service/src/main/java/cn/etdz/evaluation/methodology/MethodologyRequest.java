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
 */
@Schema(name = "MethodologyRequest", description = "A methodology: pillars with weights, indicators with weight, direction, "
        + "transform, normalisation and parameters")
public record MethodologyRequest(String id, String zoneType, String compositeAggregation, String regionGrouping,
                                 List<PillarRequest> pillars) {

    /** One pillar: ECONOMY, INNOVATION, ENVIRONMENT, SOCIETY or INSTITUTIONS. */
    public record PillarRequest(String code, Double weight, String aggregation, List<IndicatorRequest> indicators) {
    }

    /**
     * One indicator of a pillar.
     *
     * @param direction     HIGHER or LOWER
     * @param transform     NONE (default) or LOG
     * @param normalisation MINMAX, GOALPOST, ZSCORE, TARGET, EFFICACY or RANK
     * @param parameters    the normalisation's parameters: min/max, target, satisfactory/impermissible
     */
    public record IndicatorRequest(String code, Double weight, String direction, String transform,
                                   String normalisation, Map<String, Double> parameters) {
    }
}
