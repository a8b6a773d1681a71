package cn.etdz.indicator.submission;

import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.catalogue.IndicatorRule;
import cn.etdz.indicator.catalogue.ValueType;
import cn.etdz.indicator.zone.ZoneType;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    static final Pattern INDICATOR = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
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
            violations.add(new Violation("zone", "required", "The zone code is required."));
        } else if (zone.isEmpty()) {
            violations.add(new Violation("zone", "unknown-zone", "There is no zone " + request.zone() + "."));
        }
        checkPeriod(request.period(), currentYear, violations);
        if (request.values() == null || request.values().isEmpty()) {
            violations.add(new Violation("values", "required", "At least one indicator value is required."));
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
                        String.format(Locale.ROOT, "%s (%s) may not exceed %s (%s).", rule[0], plain(part), rule[1], plain(whole))));
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
                violations.add(new Violation("values", "missing-required", code + " is required for a " + facts.type() + "."));
            }
        });
        return violations;
    }

    private static void checkPeriod(String period, Year currentYear, List<Violation> violations) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            violations.add(new Violation("period", "malformed-period", "The period is a year such as \"2015\"."));
            return;
        }
        int year = Integer.parseInt(period);
        if (year < FIRST_PERIOD || year > currentYear.getValue()) {
            violations.add(new Violation("period", "out-of-range",
                    "The period is a year from " + FIRST_PERIOD + " to " + currentYear.getValue() + "."));
        }
    }

    private static void checkValue(SubmissionRequest.Value value, String field, Optional<ZoneFacts> zone,
                                   Map<String, IndicatorRule> catalogue, List<Violation> violations,
                                   Map<String, Double> numbers, Map<String, Integer> positions, int index) {
        if (value == null) {
            violations.add(new Violation(field, "required", "A value entry is required."));
            return;
        }
        IndicatorRule rule = null;
        if (value.indicator() == null || !INDICATOR.matcher(value.indicator()).matches()) {
            violations.add(new Violation(field + ".indicator", "malformed-indicator",
                    "Indicator codes are upper-case identifiers such as GDP."));
        } else if (positions.containsKey(value.indicator())) {
            violations.add(new Violation(field + ".indicator", "duplicate-indicator", value.indicator() + " appears more than once."));
        } else {
            positions.put(value.indicator(), index);
            rule = catalogue.get(value.indicator());
            if (rule == null) {
                violations.add(new Violation(field + ".indicator", "unknown-indicator",
                        value.indicator() + " is not in the indicator catalogue."));
            } else if (zone.isPresent() && !rule.appliesTo(zone.get().type())) {
                violations.add(new Violation(field + ".indicator", "not-applicable",
                        value.indicator() + " is not reported by a " + zone.get().type() + "."));
                rule = null;
            }
        }
        if (rule != null && value.unit() != null && !value.unit().equals(rule.unit())) {
            violations.add(new Violation(field + ".unit", "unit-mismatch",
                    value.indicator() + " is reported in " + rule.unit() + ", not " + value.unit() + "."));
        }
        if (value.note() != null && value.note().length() > MAX_NOTE) {
            violations.add(new Violation(field + ".note", "too-long", "Notes are at most " + MAX_NOTE + " characters."));
        }
        if (value.value() == null) {
            violations.add(new Violation(field + ".value", "required", "The value is required."));
            return;
        }
        double number = value.value();
        if (!Double.isFinite(number)) {
            violations.add(new Violation(field + ".value", "not-finite", "The value must be a finite number."));
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
                    rule.code() + " is " + range(rule) + " " + rule.unit() + "; got " + plain(number) + "."));
        } else if (rule.valueType() == ValueType.COUNT && !whole) {
            violations.add(new Violation(field + ".value", "not-a-count", rule.code() + " is a whole number; got " + plain(number) + "."));
        }
    }

    /** Built only for a violation: formatting the bounds (two doubles as text) cost more than checking every valid value. */
    private static String range(IndicatorRule rule) {
        return rule.valueType() == ValueType.YES_NO ? "1 (yes) or 0 (no)"
                : rule.maxValue() == null ? "at least " + plain(rule.minValue())
                : "from " + plain(rule.minValue()) + " to " + plain(rule.maxValue());
    }

    static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15
                ? String.valueOf((long) number) : String.valueOf(number);
    }
}
