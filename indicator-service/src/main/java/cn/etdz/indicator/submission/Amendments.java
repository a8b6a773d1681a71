package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.Violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an amendment into the whole revision it makes: the newest revision's values, in their order, with the values
 * the amendment sends put in place (or added at the end) and those it names in {@code remove} left out. The result is
 * checked by the same rules as any submission, so what is stored, published and read is always a complete revision.
 * Pure: the newest revision is passed in.
 */
final class Amendments {

    private static final Pattern VALUE_FIELD = Pattern.compile("^values\\[(\\d+)](.*)$");

    /**
     * An amendment resolved against the newest revision.
     *
     * @param complete the submission with every value of the new revision
     * @param amended  the indicators the amendment sets or removes, in the order named
     * @param problems violations of the amendment itself (its {@code remove} list), in the request's fields
     * @param origin   for each value of {@code complete}, the index of the request's value it came from, or -1 when it
     *                 was carried forward
     */
    record Resolved(SubmissionRequest complete, List<String> amended, List<Violation> problems, List<Integer> origin) {

        /** Violations and warnings of the complete submission, named by the request's fields. */
        List<Violation> inRequestFields(List<Violation> violations) {
            return violations.stream().map(this::inRequestFields).toList();
        }

        private Violation inRequestFields(Violation violation) {
            Matcher field = violation.field() == null ? null : VALUE_FIELD.matcher(violation.field());
            if (field == null || !field.matches()) {
                return violation;
            }
            int position = Integer.parseInt(field.group(1));
            int sent = position < origin.size() ? origin.get(position) : -1;
            // a carried value has no field in the request; its message names the indicator
            String renamed = sent < 0 ? "values" : "values[" + sent + "]" + field.group(2);
            return new Violation(renamed, violation.code(), violation.message(), violation.text());
        }
    }

    private Amendments() {
    }

    /** Problems of a replacement's fields that only an amendment may use. */
    static List<Violation> replacementProblems(SubmissionRequest request) {
        return request.remove() == null || request.remove().isEmpty() ? List.of()
                : List.of(new Violation("remove", "not-allowed", Message.of("indicator.amend.remove-needs-amend")));
    }

    /**
     * Resolves an amendment against the values of the zone-period's newest revision (empty when it has none: the
     * amendment is then its first revision, and must carry the required indicators itself).
     */
    static Resolved resolve(SubmissionRequest amendment, List<SubmissionRequest.Value> newest) {
        List<SubmissionRequest.Value> sent = amendment.values() == null ? List.of() : amendment.values();
        List<String> removed = amendment.remove() == null ? List.of() : amendment.remove();
        List<Violation> problems = new ArrayList<>();
        if (sent.isEmpty() && removed.isEmpty()) {
            problems.add(new Violation("values", "required", Message.of("indicator.amend.empty")));
        }
        List<SubmissionRequest.Value> values = new ArrayList<>(newest);
        List<Integer> origin = new ArrayList<>(Collections.nCopies(newest.size(), -1));
        Map<String, Integer> stored = new HashMap<>();
        for (int i = 0; i < newest.size(); i++) {
            stored.put(newest.get(i).indicator(), i);
        }
        Set<String> amended = new LinkedHashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            SubmissionRequest.Value value = sent.get(i);
            String code = value == null ? null : value.indicator();
            if (code != null && amended.add(code) && stored.containsKey(code)) {
                values.set(stored.get(code), value);
                origin.set(stored.get(code), i);
            } else {
                // new, or broken (no code, sent twice): the rules report it in its own field
                values.add(value);
                origin.add(i);
            }
        }
        Set<String> setCodes = Set.copyOf(amended);
        Set<String> leftOut = new HashSet<>();
        for (int j = 0; j < removed.size(); j++) {
            String code = removed.get(j);
            String field = "remove[" + j + "]";
            if (code == null || code.isBlank()) {
                problems.add(new Violation(field, "required", Message.of("indicator.amend.remove-required")));
            } else if (setCodes.contains(code)) {
                problems.add(new Violation(field, "conflicting", Message.of("indicator.amend.set-and-removed", code)));
            } else if (leftOut.contains(code)) {
                problems.add(new Violation(field, "duplicate-indicator", Message.of("indicator.indicator.duplicate", code)));
            } else if (!stored.containsKey(code)) {
                problems.add(new Violation(field, "not-in-revision", Message.of("indicator.amend.not-in-revision", code)));
            } else {
                leftOut.add(code);
                amended.add(code);
            }
        }
        List<SubmissionRequest.Value> complete = new ArrayList<>(values.size());
        List<Integer> completeOrigin = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            SubmissionRequest.Value value = values.get(i);
            if (value == null || !leftOut.contains(value.indicator())) {
                complete.add(value);
                completeOrigin.add(origin.get(i));
            }
        }
        return new Resolved(amendment.withValues(complete), List.copyOf(amended), List.copyOf(problems),
                List.copyOf(completeOrigin));
    }
}
