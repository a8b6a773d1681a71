package cn.etdz.common.problem;

import cn.etdz.common.i18n.Message;

import java.util.List;
import java.util.Locale;

/**
 * A problem whose title, detail and violations are messages (keys with arguments), put into words for one request
 * by {@link #in(Locale)} when the answer is written.
 *
 * @param status     HTTP status code
 * @param slug       the kind of problem, the end of its {@code type} URI
 * @param title      short summary of the kind of problem
 * @param detail     explanation specific to this occurrence
 * @param violations every offending value of a bad request, empty otherwise
 */
public record ProblemMessage(int status, String slug, Message title, Message detail, List<Violation> violations) {

    public ProblemMessage {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public ProblemMessage(int status, String slug, Message title, Message detail) {
        this(status, slug, title, detail, List.of());
    }

    /** The problem details body in this language. */
    public Problem in(Locale locale) {
        return new Problem(Problem.TYPE_PREFIX + slug, title.in(locale), status, detail.in(locale), null, null,
                violations.stream().map(violation -> violation.in(locale)).toList());
    }
}
