package cn.etdz.indicator.catalogue;

import cn.etdz.indicator.zone.ZoneType;

import java.util.ArrayList;
import java.util.List;

/**
 * What the catalogue says about one indicator, as the validation rules need it.
 *
 * @param minValue smallest valid value (inclusive)
 * @param maxValue largest valid value (inclusive), null when unbounded
 */
public record IndicatorRule(String code, String unit, String pillar, ValueType valueType, double minValue,
                            Double maxValue, boolean appliesEtdz, boolean appliesBecz, boolean required) {

    public boolean appliesTo(ZoneType type) {
        return type == ZoneType.ETDZ ? appliesEtdz : appliesBecz;
    }

    public List<ZoneType> appliesTo() {
        List<ZoneType> types = new ArrayList<>();
        if (appliesEtdz) {
            types.add(ZoneType.ETDZ);
        }
        if (appliesBecz) {
            types.add(ZoneType.BECZ);
        }
        return types;
    }

    static IndicatorRule of(IndicatorEntity entity) {
        return new IndicatorRule(entity.code, entity.unit, entity.pillar, entity.valueType, entity.minValue,
                entity.maxValue, entity.appliesEtdz, entity.appliesBecz, entity.required);
    }
}
