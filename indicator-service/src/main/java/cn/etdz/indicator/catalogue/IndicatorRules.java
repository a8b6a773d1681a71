package cn.etdz.indicator.catalogue;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.zone.ZoneType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of an indicator an administrator adds or changes: every problem at once. */
public final class IndicatorRules {

    /** An indicator code, as the catalogue and submissions name it. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    static final Pattern PILLAR = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");
    static final int MAX_NAME = 200;
    static final int MAX_UNIT = 40;
    static final double PERCENT_MAX = 100;

    private IndicatorRules() {
    }

    static List<Violation> check(IndicatorRequest indicator, boolean checkCode) {
        List<Violation> violations = new ArrayList<>();
        if (checkCode && (indicator.code() == null || !CODE.matcher(indicator.code()).matches())) {
            violations.add(new Violation("code", "pattern", Message.of("indicator.catalogue.code-pattern")));
        }
        text(violations, "name", indicator.name(), MAX_NAME);
        text(violations, "nameEn", indicator.nameEn(), MAX_NAME);
        text(violations, "unit", indicator.unit(), MAX_UNIT);
        if (indicator.pillar() == null || !PILLAR.matcher(indicator.pillar()).matches()) {
            violations.add(new Violation("pillar", "pattern", Message.of("indicator.catalogue.pillar-pattern")));
        }
        ValueType valueType = valueType(indicator.valueType());
        if (valueType == null) {
            violations.add(new Violation("valueType", "unknown-value-type",
                    Message.of("indicator.catalogue.value-type", Arrays.toString(ValueType.values()))));
        }
        checkRange(violations, valueType, indicator.minValue(), indicator.maxValue());
        checkZoneTypes(violations, indicator.appliesTo());
        return violations;
    }

    /** The value type named, or null when absent or unknown. */
    static ValueType valueType(String name) {
        return Arrays.stream(ValueType.values()).filter(type -> type.name().equals(name)).findFirst().orElse(null);
    }

    private static void text(List<Violation> violations, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "required", Message.of("indicator.catalogue.text-required")));
        } else if (value.length() > max) {
            violations.add(new Violation(field, "too-long", Message.of("indicator.catalogue.text-too-long", max)));
        }
    }

    /** Finite bounds, min ≤ max; a share within 0–100, a yes/no exactly 0–1, a count from a whole number ≥ 0. */
    private static void checkRange(List<Violation> violations, ValueType valueType, Double min, Double max) {
        if (min == null || !Double.isFinite(min)) {
            violations.add(new Violation("minValue", "required", Message.of("indicator.catalogue.min-required")));
            return;
        }
        if (max != null && !(Double.isFinite(max) && max >= min)) {
            violations.add(new Violation("maxValue", "out-of-range", Message.of("indicator.catalogue.max-below-min")));
            return;
        }
        if (valueType == ValueType.YES_NO && (min != 0 || max == null || max != 1)) {
            violations.add(new Violation("maxValue", "out-of-range", Message.of("indicator.catalogue.yes-no-range")));
        } else if (valueType == ValueType.PERCENT && (min < 0 || max == null || max > PERCENT_MAX)) {
            violations.add(new Violation("maxValue", "out-of-range", Message.of("indicator.catalogue.percent-range")));
        } else if (valueType == ValueType.COUNT && (min < 0 || min != Math.rint(min))) {
            violations.add(new Violation("minValue", "out-of-range", Message.of("indicator.catalogue.count-range")));
        }
    }

    private static void checkZoneTypes(List<Violation> violations, List<String> appliesTo) {
        if (appliesTo == null || appliesTo.isEmpty()) {
            violations.add(new Violation("appliesTo", "required", Message.of("indicator.catalogue.zone-types-required")));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < appliesTo.size(); i++) {
            String type = appliesTo.get(i);
            if (type == null || Arrays.stream(ZoneType.values()).noneMatch(known -> known.name().equals(type))) {
                violations.add(new Violation("appliesTo[" + i + "]", "unknown-type", Message.of("indicator.zone.type")));
            } else if (!seen.add(type)) {
                violations.add(new Violation("appliesTo[" + i + "]", "duplicate",
                        Message.of("indicator.catalogue.zone-type-duplicate", type)));
            }
        }
    }
}
