package cn.etdz.indicator.submission;

import cn.etdz.common.problem.Violation;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The structural rules of a submission, checked before anything is looked up; every problem at once. */
final class SubmissionRules {

    static final Pattern PERIOD = Pattern.compile("\\d{4}");
    static final Pattern INDICATOR = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    static final int FIRST_PERIOD = 2000;
    static final int MAX_NOTE = 500;

    private SubmissionRules() {
    }

    static List<Violation> check(SubmissionRequest request, Year currentYear) {
        List<Violation> violations = new ArrayList<>();
        if (request.zone() == null || request.zone().isBlank()) {
            violations.add(new Violation("zone", "required", "The zone code is required."));
        }
        if (request.period() == null || !PERIOD.matcher(request.period()).matches()) {
            violations.add(new Violation("period", "malformed-period", "The period is a year such as \"2015\"."));
        } else {
            int year = Integer.parseInt(request.period());
            if (year < FIRST_PERIOD || year > currentYear.getValue()) {
                violations.add(new Violation("period", "out-of-range",
                        "The period is a year from " + FIRST_PERIOD + " to " + currentYear.getValue() + "."));
            }
        }
        if (request.values() == null || request.values().isEmpty()) {
            violations.add(new Violation("values", "required", "At least one indicator value is required."));
            return violations;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.values().size(); i++) {
            SubmissionRequest.Value value = request.values().get(i);
            String field = "values[" + i + "]";
            if (value == null) {
                violations.add(new Violation(field, "required", "A value entry is required."));
                continue;
            }
            if (value.indicator() == null || !INDICATOR.matcher(value.indicator()).matches()) {
                violations.add(new Violation(field + ".indicator", "malformed-indicator",
                        "Indicator codes are upper-case identifiers such as GDP."));
            } else if (!seen.add(value.indicator())) {
                violations.add(new Violation(field + ".indicator", "duplicate-indicator",
                        value.indicator() + " appears more than once."));
            }
            if (value.value() == null) {
                violations.add(new Violation(field + ".value", "required", "The value is required."));
            } else if (!Double.isFinite(value.value())) {
                violations.add(new Violation(field + ".value", "not-finite", "The value must be a finite number."));
            }
            if (value.note() != null && value.note().length() > MAX_NOTE) {
                violations.add(new Violation(field + ".note", "too-long", "Notes are at most " + MAX_NOTE + " characters."));
            }
        }
        return violations;
    }
}
