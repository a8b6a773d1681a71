package cn.etdz.common.events;

import java.util.List;

/**
 * Payload of {@link EventTypes#INDICATOR_DEFINED} on the compacted topic {@code indicators.v1}, keyed by indicator
 * code: one catalogue entry's full state, the plan's or one an administrator added or changed. Schema version
 * {@value #SCHEMA_VERSION}.
 *
 * @param pillar    the plan's economy, innovation, environment, society, institutions, or denominator; any code for an
 *                  indicator an administrator added
 * @param valueType NUMBER, COUNT, PERCENT or YES_NO
 * @param appliesTo zone types that report it (ETDZ, BECZ)
 */
public record IndicatorDefined(String code, String name, String nameEn, String unit, String pillar, String valueType,
                               double minValue, Double maxValue, List<String> appliesTo, boolean required) {

    public static final int SCHEMA_VERSION = 1;
}
