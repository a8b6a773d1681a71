package cn.etdz.indicator.export;

import cn.etdz.common.export.Sdmx;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One value of an export: a zone's indicator in a period, from the revision chosen (the newest accepted one, or the
 * newest received by {@code asOf}).
 *
 * @param provisional the province marked the value provisional (初步数); SDMX-CSV writes it as {@code OBS_STATUS} P
 * @param revision    the revision of the zone's period the value comes from, from 1
 */
@Schema(description = "One exported value: a zone's indicator in a period, with its unit, provisional mark and revision.")
public record ExportedValue(
        @Schema(description = "Zone code", example = "SUZHOU-IP") String zone,
        @Schema(description = "ETDZ or BECZ", example = "ETDZ") String zoneType,
        @Schema(description = "The zone's province (GB/T 2260)", example = "320000") String province,
        @Schema(description = "Indicator code", example = "GDP") String indicator,
        @Schema(description = "The year", example = "2015") String period,
        @Schema(description = "The value, in the indicator's unit", example = "2070.5") double value,
        @Schema(description = "The indicator's unit", example = "亿元") String unit,
        @Schema(description = "Marked provisional by the province") boolean provisional,
        @Schema(description = "The revision of the zone's period the value comes from", example = "2") int revision,
        @Schema(description = "The province's note on the value", example = "初步核算数") String note) {

    /** The columns of the CSV and XLSX exports, named as the JSON properties. */
    static final java.util.List<String> COLUMNS = java.util.List.of("zone", "zoneType", "province", "indicator", "period",
            "value", "unit", "provisional", "revision", "note");

    /** The SDMX-CSV 2.0 header: structure columns, dimensions, measure, attributes. */
    static final java.util.List<String> SDMX_COLUMNS = Sdmx.header("ZONE", "INDICATOR", "TIME_PERIOD", "OBS_VALUE",
            "UNIT_MEASURE", "OBS_STATUS", "REVISION");

    /** The dataflow of {@code sdmx/zone-values-structure.json} every SDMX-CSV row belongs to. */
    static final String SDMX_DATAFLOW = "ETDZ:DF_ZONE_VALUES(1.0.0)";

    java.util.List<Object> cells() {
        return java.util.Arrays.asList(zone, zoneType, province, indicator, period, value, unit, provisional, revision, note);
    }

    /** An observation row: the status P (provisional) or A (normal). */
    java.util.List<Object> sdmxCells() {
        return Sdmx.observation(SDMX_DATAFLOW, zone, indicator, period, value, unit, provisional ? "P" : "A", revision);
    }
}
