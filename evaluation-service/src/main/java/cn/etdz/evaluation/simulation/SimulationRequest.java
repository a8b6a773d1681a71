package cn.etdz.evaluation.simulation;

import cn.etdz.evaluation.methodology.MethodologyRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
 * @param customIndicators indicators outside the catalogue that the methodology may use, their values given in
 *                       {@code values} like any other's; optional
 */
public record SimulationRequest(MethodologyRequest methodology, String methodologyKey, List<ZoneInput> zones,
                                Map<String, Map<String, Double>> values,
                                Map<String, Map<String, Double>> previousValues,
                                List<CustomIndicator> customIndicators) {

    /** A data set of catalogue indicators only. */
    public SimulationRequest(MethodologyRequest methodology, String methodologyKey, List<ZoneInput> zones,
                             Map<String, Map<String, Double>> values,
                             Map<String, Map<String, Double>> previousValues) {
        this(methodology, methodologyKey, zones, values, previousValues, null);
    }

    /**
     * An indicator the catalogue does not have (yet), so an analyst can try a framework before it does. How it is
     * scored — weight, direction, transform, normalisation and parameters — is given where the methodology uses it,
     * like any indicator's.
     *
     * @param code   upper-case letters, digits and underscores, not a catalogue code, e.g. {@code FTZ_PILOT_MEASURES}
     * @param name   Chinese name
     * @param nameEn English name
     * @param unit   unit of its values, e.g. 项
     */
    @Schema(name = "CustomIndicator", description = "An indicator outside the catalogue, for a what-if: code, names and "
            + "unit; its values are in values, how it is scored is in the methodology")
    public record CustomIndicator(String code, String name, String nameEn, String unit) {
    }

    /** A zone of the data set; region EAST, CENTRAL, NORTHEAST or WEST. */
    public record ZoneInput(String code, String type, String region) {
    }
}
