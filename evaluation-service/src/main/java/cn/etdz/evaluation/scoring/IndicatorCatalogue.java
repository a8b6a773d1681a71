package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The indicator codes a methodology may use: the raw catalogue of docs/method.md plus {@link DerivedIndicators}. */
public final class IndicatorCatalogue {

    /** Raw indicators every zone type reports, {@code AREA_BUILT} (the per-land denominator) included. */
    public static final List<String> CORE = List.of(
            "GDP", "IND_VA", "IND_OUTPUT", "SERV_VA", "TAX", "FDI", "EXPORTS", "TRADE",
            "RD_EXP", "HT_OUTPUT", "HT_TRADE", "RD_CENTERS", "HT_FIRMS", "GRADUATES",
            "ENERGY", "SO2", "COD", "ISO14000", "ECO_PARK",
            "EMPLOYEES", "SOCIAL_INS", "SAFETY_ACC",
            "LEGAL_BASIS", "ONE_STOP", "APPROVAL_DAYS", "ONLINE_RATE",
            "AREA_BUILT");

    /** Raw indicators only border zones report. */
    public static final List<String> BECZ_ONLY = List.of("BORDER_TRADE", "PORT_THROUGHPUT");

    private static final Set<String> RAW;

    static {
        Set<String> raw = new LinkedHashSet<>(CORE);
        raw.addAll(BECZ_ONLY);
        RAW = Set.copyOf(raw);
    }

    private IndicatorCatalogue() {
    }

    /** Whether the code is a raw or a derived indicator. */
    public static boolean isKnown(String code) {
        return RAW.contains(code) || DerivedIndicators.isDerived(code);
    }

    /** Whether a zone of the type can have a value of the indicator. */
    public static boolean appliesTo(String code, ZoneType zoneType) {
        return isKnown(code) && (zoneType == ZoneType.BECZ || !BECZ_ONLY.contains(code));
    }

    /** The raw indicators a zone of the type reports. */
    public static List<String> rawIndicators(ZoneType zoneType) {
        if (zoneType == ZoneType.ETDZ) {
            return CORE;
        }
        List<String> all = new ArrayList<>(CORE);
        all.addAll(BECZ_ONLY);
        return List.copyOf(all);
    }
}
