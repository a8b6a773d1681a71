package cn.etdz.evaluation.simulation;

import cn.etdz.evaluation.methodology.MethodologyRequest;

import java.util.List;
import java.util.Map;

/**
 * A what-if evaluation: a methodology (given in full, or the key of a stored version) and a data set.
 *
 * @param methodology    a methodology in full (its {@code id} may be omitted); or
 * @param methodologyKey a stored version, {@code id@version}, e.g. {@code plan-2012-ETDZ@1}
 * @param zones          the peer group: code, type (the methodology's), region
 * @param values         the period's raw values: zone code → indicator code → value
 * @param previousValues the previous period's raw values, for growth rates; optional
 */
public record SimulationRequest(MethodologyRequest methodology, String methodologyKey, List<ZoneInput> zones,
                                Map<String, Map<String, Double>> values,
                                Map<String, Map<String, Double>> previousValues) {

    /** A zone of the data set; region EAST, CENTRAL, NORTHEAST or WEST. */
    public record ZoneInput(String code, String type, String region) {
    }
}
