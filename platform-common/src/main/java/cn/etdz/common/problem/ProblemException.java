package cn.etdz.common.problem;

import cn.etdz.common.i18n.Languages;
import cn.etdz.common.i18n.Message;

import java.util.List;

/**
 * Thrown by services to answer with a problem; mapped to {@code application/problem+json} in the request's language
 * by {@link ProblemMappers}.
 */
public class ProblemException extends RuntimeException {

    private final transient ProblemMessage problem;

    public ProblemException(int status, String slug, Message title, Message detail, List<Violation> violations) {
        super(detail.in(Languages.ENGLISH));
        this.problem = new ProblemMessage(status, slug, title, detail, violations);
    }

    public ProblemMessage problem() {
        return problem;
    }

    public static ProblemException invalid(Message detail, List<Violation> violations) {
        return new ProblemException(422, "validation", Message.of("common.invalid.title"), detail, violations);
    }

    public static ProblemException badRequest(Message detail, List<Violation> violations) {
        return new ProblemException(400, "bad-request", Message.of("common.bad-request.title"), detail, violations);
    }

    public static ProblemException notFound(Message detail) {
        return new ProblemException(404, "not-found", Message.of("common.not-found.title"), detail, List.of());
    }

    public static ProblemException forbidden(Message detail) {
        return new ProblemException(403, "forbidden", Message.of("common.forbidden.title"), detail, List.of());
    }

    public static ProblemException conflict(Message detail) {
        return new ProblemException(409, "conflict", Message.of("common.conflict.title"), detail, List.of());
    }
}
