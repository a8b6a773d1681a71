package cn.etdz.common.problem;

import java.util.List;

/** Thrown by services to answer with a problem; mapped to {@code application/problem+json} by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(int status, String slug, String title, String detail, List<Violation> violations) {
        super(detail);
        this.problem = new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, null, null, violations);
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalid(String detail, List<Violation> violations) {
        return new ProblemException(422, "validation", "The request is invalid", detail, violations);
    }

    public static ProblemException badRequest(String detail, List<Violation> violations) {
        return new ProblemException(400, "bad-request", "The request cannot be read", detail, violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }
}
