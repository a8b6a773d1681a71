package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.catalogue.IndicatorRule;
import cn.etdz.indicator.catalogue.IndicatorRules;
import cn.etdz.indicator.catalogue.ValueType;
import cn.etdz.indicator.zone.ZoneType;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The hard rules of docs/method.md: a submission breaking any of them is rejected with one violation per problem, each
 * naming the offending field. Pure: everything it needs is passed in.
 */
final class SubmissionRules {

    static final Pattern PERIOD = Pattern.compile("\\d{4}");
    static final Pattern INDICATOR = IndicatorRules.CODE;
    static final int FIRST_PERIOD = 2000;
    static final int MAX_NOTE = 500;

    /** Consistency rules: the part may not exceed the whole. */
    static final List<String[]> PART_OF = List.of(
            new String[]{"IND_VA", "GDP"},
            new String[]{"SERV_VA", "GDP"},
            new String[]{"HT_OUTPUT", "IND_OUTPUT"},
            new String[]{"HT_TRADE", "TRADE"},
            new String[]{"EXPORTS", "TRADE"},
            new String[]{"GRADUATES", "EMPLOYEES"});

    /** What the rules need to know about the zone submitted for. */
    record ZoneFacts(String code, ZoneType type, String province) {
    }

    private SubmissionRules() {
    }

    static List<Violation> check(SubmissionRequest request, Optional<ZoneFacts> zone,
                                 Map<String, IndicatorRule> catalogue, Year currentYear) {
        List<Violation> violations = new ArrayList<>();
        if (request.zone() == null || request.zone().isBlank()) {
            violations.add(new Violation("zone", "required", Message.of("indicator.zone.required")));
        } else if (zone.isEmpty()) {
            violations.add(new Violation("zone", "unknown-zone", Message.of("indicator.zone.unknown", request.zone())));
        }
        checkPeriod(request.period(), currentYear, violations);
        if (request.values() == null || request.values().isEmpty()) {
            violations.add(new Violation("values", "required", Message.of("indicator.values.required")));
            return violations;
        }
        Map<String, Double> numbers = new HashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < request.values().size(); i++) {
            checkValue(request.values().get(i), "values[" + i + "]", zone, catalogue, violations, numbers, positions, i);
        }
        for (String[] rule : PART_OF) {
            Double part = numbers.get(rule[0]);
            Double whole = numbers.get(rule[1]);
            if (part != null && whole != null && part > whole) {
                violations.add(new Violation("values[" + positions.get(rule[0]) + "].value", "inconsistent",
                        Message.of("indicator.value.inconsistent", rule[0], plain(part), rule[1], plain(whole))));
            }
        }
        zone.ifPresent(facts -> {
            Set<String> missing = new LinkedHashSet<>();
            catalogue.values().stream()
                    .filter(rule -> rule.required() && rule.appliesTo(facts.type()) && !positions.containsKey(rule.code()))
                    .map(IndicatorRule::code)
                    .sorted()
                    .forEach(missing::add);
            for (String code : missing) {
                violations.add(new Violation("values", "missing-required",
                        Message.of("indicator.values.missing-required", code, facts.type())));
            }
        });
        return violations;
    }

    private static void checkPeriod(String period, Year currentYear, List<Violation> violations) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            violations.add(new Violation("period", "malformed-period", Message.of("indicator.period.format")));
            return;
        }
        int year = Integer.parseInt(period);
        if (year < FIRST_PERIOD || year > currentYear.getValue()) {
            violations.add(new Violation("period", "out-of-range",
                    Message.of("indicator.period.range", FIRST_PERIOD, currentYear.getValue())));
        }
    }

    private static void checkValue(SubmissionRequest.Value value, String field, Optional<ZoneFacts> zone,
                                   Map<String, IndicatorRule> catalogue, List<Violation> violations,
                                   Map<String, Double> numbers, Map<String, Integer> positions, int index) {
        if (value == null) {
            violations.add(new Violation(field, "required", Message.of("indicator.value.entry-required")));
            return;
        }
        IndicatorRule rule = null;
        if (value.indicator() == null || !INDICATOR.matcher(value.indicator()).matches()) {
            violations.add(new Violation(field + ".indicator", "malformed-indicator",
                    Message.of("indicator.indicator.format")));
        } else if (positions.containsKey(value.indicator())) {
            violations.add(new Violation(field + ".indicator", "duplicate-indicator",
                    Message.of("indicator.indicator.duplicate", value.indicator())));
        } else {
            positions.put(value.indicator(), index);
            rule = catalogue.get(value.indicator());
            if (rule == null) {
                violations.add(new Violation(field + ".indicator", "unknown-indicator",
                        Message.of("indicator.indicator.unknown", value.indicator())));
            } else if (zone.isPresent() && !rule.appliesTo(zone.get().type())) {
                violations.add(new Violation(field + ".indicator", "not-applicable",
                        Message.of("indicator.indicator.not-applicable", value.indicator(), zone.get().type())));
                rule = null;
            }
        }
        if (rule != null && value.unit() != null && !value.unit().equals(rule.unit())) {
            violations.add(new Violation(field + ".unit", "unit-mismatch",
                    Message.of("indicator.value.unit", value.indicator(), rule.unit(), value.unit())));
        }
        if (value.note() != null && value.note().length() > MAX_NOTE) {
            violations.add(new Violation(field + ".note", "too-long", Message.of("indicator.note.too-long", MAX_NOTE)));
        }
        if (value.value() == null) {
            violations.add(new Violation(field + ".value", "required", Message.of("indicator.value.required")));
            return;
        }
        double number = value.value();
        if (!Double.isFinite(number)) {
            violations.add(new Violation(field + ".value", "not-finite", Message.of("indicator.value.not-finite")));
            return;
        }
        if (rule == null) {
            return;
        }
        numbers.put(rule.code(), number);
        boolean inRange = number >= rule.minValue() && (rule.maxValue() == null || number <= rule.maxValue());
        boolean whole = number == Math.rint(number);
        if (!inRange || (rule.valueType() == ValueType.YES_NO && !whole)) {
            violations.add(new Violation(field + ".value", "out-of-range",
                    outOfRange(rule, number)));
        } else if (rule.valueType() == ValueType.COUNT && !whole) {
            violations.add(new Violation(field + ".value", "not-a-count",
                    Message.of("indicator.value.not-a-count", rule.code(), plain(number))));
        }
    }

    /** Built only for a violation: formatting the bounds (two doubles as text) cost more than checking every valid value. */
    private static Message outOfRange(IndicatorRule rule, double number) {
        return rule.valueType() == ValueType.YES_NO
                ? Message.of("indicator.value.yes-no", rule.code(), rule.unit(), plain(number))
                : rule.maxValue() == null
                ? Message.of("indicator.value.at-least", rule.code(), plain(rule.minValue()), rule.unit(), plain(number))
                : Message.of("indicator.value.between", rule.code(), plain(rule.minValue()), plain(rule.maxValue()),
                        rule.unit(), plain(number));
    }

    static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15
                ? String.valueOf((long) number) : String.valueOf(number);
    }
}
