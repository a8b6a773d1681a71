package cn.etdz.common.events;

import java.util.List;

/**
 * Payload of {@link EventTypes#INDICATOR_DEFINED} on the compacted topic {@code indicators.v1}, keyed by indicator
 * code: one catalogue entry. Schema version {@value #SCHEMA_VERSION}.
 *
 * @param pillar    economy, innovation, environment, society, institutions, or denominator
 * @param valueType NUMBER, COUNT, PERCENT or YES_NO
 * @param appliesTo zone types that report it (ETDZ, BECZ)
 */
public record IndicatorDefined(String code, String name, String nameEn, String unit, String pillar, String valueType,
                               double minValue, Double maxValue, List<String> appliesTo, boolean required) {

    public static final int SCHEMA_VERSION = 1;
}
