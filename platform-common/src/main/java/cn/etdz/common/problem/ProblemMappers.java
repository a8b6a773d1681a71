package cn.etdz.common.problem;

import cn.etdz.common.json.PlainText;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one error pattern of all services: every exception leaves as {@code application/problem+json}, never as a
 * stack trace or a Java class name. Authentication failures reach these mappers because the services run with
 * {@code quarkus.http.auth.proactive=false}.
 */
public final class ProblemMappers {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private ProblemMappers() {
    }

    static Response respond(Problem problem, UriInfo uriInfo, HttpHeaders headers) {
        String path = uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
        String requestId = headers == null ? null : headers.getHeaderString(REQUEST_ID_HEADER);
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.at(path, requestId));
        if (problem.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    static Problem simple(int status, String slug, String title, String detail) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, null, null, List.of());
    }

    /** Maps one exception type to its problem; the request path and id are added here. */
    abstract static class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        UriInfo uriInfo;
        @Context
        HttpHeaders headers;

        abstract Problem problem(E exception);

        @Override
        public Response toResponse(E exception) {
            return respond(problem(exception), uriInfo, headers);
        }
    }

    @Provider
    public static class ProblemExceptionMapper extends ProblemMapper<ProblemException> {
        @Override
        Problem problem(ProblemException exception) {
            return exception.problem();
        }
    }

    @Provider
    public static class UnauthorizedMapper extends ProblemMapper<UnauthorizedException> {
        @Override
        Problem problem(UnauthorizedException exception) {
            return unauthorized();
        }
    }

    @Provider
    public static class AuthenticationFailedMapper extends ProblemMapper<AuthenticationFailedException> {
        @Override
        Problem problem(AuthenticationFailedException exception) {
            return unauthorized();
        }
    }

    @Provider
    public static class ForbiddenMapper extends ProblemMapper<ForbiddenException> {
        @Override
        Problem problem(ForbiddenException exception) {
            return simple(403, "forbidden", "Forbidden", "Your role does not allow this operation.");
        }
    }

    /** Unreadable JSON: names the field where reading failed. */
    @Provider
    public static class JsonMapper extends ProblemMapper<JsonProcessingException> {
        @Override
        Problem problem(JsonProcessingException exception) {
            return unreadableJson(exception);
        }
    }

    /** Replaces Quarkus's built-in plain-JSON answer for a value of the wrong type. */
    @Provider
    public static class MismatchedInputMapper extends ProblemMapper<MismatchedInputException> {
        @Override
        Problem problem(MismatchedInputException exception) {
            return unreadableJson(exception);
        }
    }

    @Provider
    public static class JsonParseMapper extends ProblemMapper<JsonParseException> {
        @Override
        Problem problem(JsonParseException exception) {
            return unreadableJson(exception);
        }
    }

    @Provider
    public static class WebApplicationMapper extends ProblemMapper<WebApplicationException> {
        @Override
        Problem problem(WebApplicationException exception) {
            if (exception.getCause() instanceof JsonProcessingException json) {
                return unreadableJson(json);
            }
            int status = exception.getResponse().getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "Error" : type.getReasonPhrase();
            return simple(status, title.toLowerCase().replace(' ', '-'), title, detailFor(status));
        }

        private static String detailFor(int status) {
            return switch (status) {
                case 400 -> "The request cannot be read.";
                case 401 -> "A valid bearer token is required.";
                case 404 -> "There is no resource at this path.";
                case 405 -> "This method is not allowed on this resource.";
                case 406 -> "The requested media type cannot be produced.";
                case 413 -> "The request body is too large.";
                case 415 -> "This media type is not accepted here.";
                default -> "The request could not be completed.";
            };
        }
    }

    /** Last resort: logs the cause, answers 500 without internals. */
    @Provider
    public static class UnexpectedMapper extends ProblemMapper<Exception> {
        private static final Logger LOG = Logger.getLogger(UnexpectedMapper.class);

        @Override
        Problem problem(Exception exception) {
            LOG.error("Unexpected error", exception);
            return simple(500, "internal", "Internal error",
                    "The request failed unexpectedly; quote the request id when reporting it.");
        }
    }

    static Problem unreadableJson(JsonProcessingException exception) {
        String field = exception instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        Violation violation = exception instanceof PlainText.ControlCharacter
                ? new Violation(field.isEmpty() ? "$" : field, "control-character", "Control characters are not allowed.")
                : new Violation(field.isEmpty() ? "$" : field, "unreadable",
                        field.isEmpty() ? "The body is not valid JSON." : "This value has the wrong type or form.");
        return new Problem(Problem.TYPE_PREFIX + "bad-request", "The request cannot be read", 400,
                "The request body could not be read as the expected JSON document.", null, null, List.of(violation));
    }

    static String jsonPath(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    static Problem unauthorized() {
        return simple(401, "unauthorized", "Unauthorized", "A valid bearer token is required.");
    }
}
