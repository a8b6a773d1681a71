package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indicator codes a methodology may use: the raw indicators of a catalogue, each with the zone types that report
 * it, plus {@link DerivedIndicators}. The service builds it from its read model (the catalogue learned from
 * {@code indicators.v1}, administrators' additions included); {@link #PLAN} is the plan's own catalogue.
 */
public final class IndicatorCatalogue {

    /** Raw indicators of the plan every zone type reports, {@code AREA_BUILT} (the per-land denominator) included. */
    public static final List<String> CORE = List.of(
            "GDP", "IND_VA", "IND_OUTPUT", "SERV_VA", "TAX", "FDI", "EXPORTS", "TRADE",
            "RD_EXP", "HT_OUTPUT", "HT_TRADE", "RD_CENTERS", "HT_FIRMS", "GRADUATES",
            "ENERGY", "SO2", "COD", "ISO14000", "ECO_PARK",
            "EMPLOYEES", "SOCIAL_INS", "SAFETY_ACC",
            "LEGAL_BASIS", "ONE_STOP", "APPROVAL_DAYS", "ONLINE_RATE",
            "AREA_BUILT");

    /** Raw indicators of the plan only border zones report. */
    public static final List<String> BECZ_ONLY = List.of("BORDER_TRADE", "PORT_THROUGHPUT");

    /** The 2011–2015 plan's catalogue, as the indicator service first publishes it. */
    public static final IndicatorCatalogue PLAN;

    static {
        Map<String, Set<ZoneType>> plan = new LinkedHashMap<>();
        CORE.forEach(code -> plan.put(code, EnumSet.allOf(ZoneType.class)));
        BECZ_ONLY.forEach(code -> plan.put(code, EnumSet.of(ZoneType.BECZ)));
        PLAN = new IndicatorCatalogue(plan);
    }

    private final Map<String, Set<ZoneType>> raw;

    /** A catalogue of raw indicators: code → the zone types that report it. */
    public IndicatorCatalogue(Map<String, Set<ZoneType>> raw) {
        Map<String, Set<ZoneType>> copy = new LinkedHashMap<>();
        raw.forEach((code, types) -> copy.put(code, Set.copyOf(types)));
        this.raw = copy;
    }

    /** Whether the code is a raw indicator of the catalogue or a derived indicator. */
    public boolean isKnown(String code) {
        return raw.containsKey(code) || DerivedIndicators.isDerived(code);
    }

    /** Whether a zone of the type can have a value of the indicator; derived ones apply to every type. */
    public boolean appliesTo(String code, ZoneType zoneType) {
        return raw.containsKey(code) ? raw.get(code).contains(zoneType) : DerivedIndicators.isDerived(code);
    }

    /** The raw indicators a zone of the type reports, in the catalogue's order. */
    public List<String> rawIndicators(ZoneType zoneType) {
        List<String> codes = new ArrayList<>();
        raw.forEach((code, types) -> {
            if (types.contains(zoneType)) {
                codes.add(code);
            }
        });
        return List.copyOf(codes);
    }
}
