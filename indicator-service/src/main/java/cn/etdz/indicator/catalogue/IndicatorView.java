package cn.etdz.indicator.catalogue;

import cn.etdz.indicator.zone.ZoneType;

import java.util.List;

/**
 * A catalogue entry as the API shows it.
 *
 * @param pillar    economy, innovation, environment, society, institutions, or denominator (used by derived indicators)
 * @param valueType NUMBER, COUNT, PERCENT or YES_NO
 * @param minValue  smallest valid value
 * @param maxValue  largest valid value, null when unbounded
 * @param appliesTo the zone types that report it
 * @param required  a submission without it is rejected
 */
public record IndicatorView(String code, String name, String nameEn, String unit, String pillar, ValueType valueType,
                            double minValue, Double maxValue, List<ZoneType> appliesTo, boolean required) {

    static IndicatorView of(IndicatorEntity entity) {
        return new IndicatorView(entity.code, entity.name, entity.nameEn, entity.unit, entity.pillar, entity.valueType,
                entity.minValue, entity.maxValue, IndicatorRule.of(entity).appliesTo(), entity.required);
    }
}
