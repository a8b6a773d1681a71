package cn.etdz.indicator.catalogue;

import cn.etdz.indicator.zone.ZoneType;

import java.util.List;

/**
 * A catalogue entry as the API shows it.
 *
 * @param pillar    the plan's economy, innovation, environment, society, institutions, or denominator (used by derived
 *                  indicators); any code for an indicator an administrator added
 * @param valueType NUMBER, COUNT, PERCENT or YES_NO
 * @param minValue  smallest valid value
 * @param maxValue  largest valid value, null when unbounded
 * @param appliesTo the zone types that report it
 * @param required  a submission without it is rejected
 * @param origin    PLAN (the plan's catalogue, fixed) or ADMIN (added by an administrator, changed with PUT)
 */
public record IndicatorView(String code, String name, String nameEn, String unit, String pillar, ValueType valueType,
                            double minValue, Double maxValue, List<ZoneType> appliesTo, boolean required,
                            String origin) {

    static final String PLAN = "PLAN";
    static final String ADMIN = "ADMIN";

    static IndicatorView of(IndicatorEntity entity) {
        return new IndicatorView(entity.code, entity.name, entity.nameEn, entity.unit, entity.pillar, entity.valueType,
                entity.minValue, entity.maxValue, IndicatorRule.of(entity).appliesTo(), entity.required,
                entity.addedBy == null ? PLAN : ADMIN);
    }
}
