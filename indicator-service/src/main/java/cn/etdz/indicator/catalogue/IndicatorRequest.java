package cn.etdz.indicator.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A catalogue indicator as an administrator adds or changes it.
 *
 * @param code      upper-case identifier as submissions name it, e.g. {@code GREEN_AREA} (ignored on update: the path
 *                  names it)
 * @param pillar    any code of a pillar or node a methodology groups it under, e.g. {@code environment}
 * @param valueType NUMBER, COUNT, PERCENT or YES_NO
 * @param minValue  smallest valid value (inclusive)
 * @param maxValue  largest valid value (inclusive), absent when unbounded
 * @param appliesTo the zone types that report it: ETDZ, BECZ or both
 * @param required  a submission of a zone it applies to is rejected without it; absent is false
 */
@Schema(name = "IndicatorRequest", description = "An indicator of the catalogue as an administrator adds or changes it.")
public record IndicatorRequest(
        @Schema(required = true, description = "Upper-case letters, digits and underscores, starting with a letter, at most "
                + "40; ignored by PUT", example = "GREEN_AREA") String code,
        @Schema(required = true, description = "Chinese name", example = "绿地面积") String name,
        @Schema(required = true, description = "English name", example = "Green area") String nameEn,
        @Schema(required = true, description = "Unit values are reported in", example = "公顷") String unit,
        @Schema(required = true, description = "Code of the pillar (or any node of a methodology) it belongs to: a letter, "
                + "then letters, digits, '_' or '-', at most 40", example = "environment") String pillar,
        @Schema(required = true, description = "NUMBER, COUNT, PERCENT or YES_NO", example = "NUMBER") String valueType,
        @Schema(required = true, description = "Smallest valid value", example = "0") Double minValue,
        @Schema(description = "Largest valid value; absent when unbounded", example = "100000") Double maxValue,
        @Schema(required = true, description = "Zone types that report it: ETDZ, BECZ or both", example = "[\"ETDZ\", \"BECZ\"]")
        List<String> appliesTo,
        @Schema(description = "Whether a submission must carry it; false when absent", example = "false") Boolean required) {
}
