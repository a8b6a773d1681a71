package cn.etdz.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}), the only error shape the platform answers with.
 *
 * @param type       URI naming the kind of problem
 * @param title      short summary of the kind of problem
 * @param status     HTTP status code
 * @param detail     explanation specific to this occurrence
 * @param instance   the request path the problem occurred on
 * @param requestId  correlation id of the request ({@code X-Request-Id})
 * @param violations every offending value of a bad request, empty otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:etdz:problem:";

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** Returns the same problem bound to a request path and correlation id. */
    public Problem at(String instancePath, String correlationId) {
        return new Problem(type, title, status, detail, instancePath, correlationId, violations);
    }
}
