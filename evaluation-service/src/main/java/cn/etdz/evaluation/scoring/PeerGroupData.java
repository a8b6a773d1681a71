package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input of one scoring run: the zones of one peer group and their raw indicator values for the period, plus the
 * previous period's values for the growth rates. A value absent from the maps (or {@code null}) is missing; values
 * of zones not in {@code zones} are ignored. Per-land indicators read {@code AREA_BUILT} from the period's values: a
 * caller whose zone reported no area for the period passes the registry's {@code developedAreaKm2} there.
 *
 * @param zones          the zones to score, all of the methodology's zone type, codes unique
 * @param values         this period's raw values: zone code → indicator code → value (finite)
 * @param previousValues the previous period's raw values, same shape; {@code null} means none
 * @param customIndicators codes of indicators outside the catalogue that this data set brings with its values (a
 *                       what-if on a framework before the catalogue has its indicators): raw, for every zone type;
 *                       {@code null} means none
 */
public record PeerGroupData(List<Zone> zones, Map<String, Map<String, Double>> values,
                            Map<String, Map<String, Double>> previousValues, Set<String> customIndicators) {

    public PeerGroupData {
        zones = zones == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(zones));
        values = values == null ? Map.of() : values;
        previousValues = previousValues == null ? Map.of() : previousValues;
        customIndicators = customIndicators == null ? Set.of() : Set.copyOf(customIndicators);
    }

    /** A data set of catalogue indicators only. */
    public PeerGroupData(List<Zone> zones, Map<String, Map<String, Double>> values,
                         Map<String, Map<String, Double>> previousValues) {
        this(zones, values, previousValues, null);
    }
}
