package cn.etdz.common.problem;

import cn.etdz.common.i18n.Languages;
import cn.etdz.common.i18n.Message;
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
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one error pattern of all services: every exception leaves as {@code application/problem+json}, never as a
 * stack trace or a Java class name. Authentication failures reach these mappers because the services run with
 * {@code quarkus.http.auth.proactive=false}. Titles, details and violation messages are put into the request's
 * language ({@code Accept-Language}, see {@link Languages}) here, when the answer is written.
 */
public final class ProblemMappers {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private ProblemMappers() {
    }

    static Response respond(ProblemMessage message, UriInfo uriInfo, HttpHeaders headers) {
        String path = uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
        String requestId = headers == null ? null : headers.getHeaderString(REQUEST_ID_HEADER);
        Locale language = Languages.of(headers == null ? null : headers.getHeaderString(Languages.ACCEPT_LANGUAGE));
        Problem problem = message.in(language);
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header(Languages.CONTENT_LANGUAGE, Languages.tag(language))
                .header(HttpHeaders.VARY, Languages.ACCEPT_LANGUAGE)
                .entity(problem.at(path, requestId));
        if (problem.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    static ProblemMessage simple(int status, String slug, String titleKey, String detailKey) {
        return new ProblemMessage(status, slug, Message.of(titleKey), Message.of(detailKey));
    }

    /** Maps one exception type to its problem; the request path and id are added here. */
    abstract static class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        UriInfo uriInfo;
        @Context
        HttpHeaders headers;

        abstract ProblemMessage problem(E exception);

        @Override
        public Response toResponse(E exception) {
            return respond(problem(exception), uriInfo, headers);
        }
    }

    @Provider
    public static class ProblemExceptionMapper extends ProblemMapper<ProblemException> {
        @Override
        ProblemMessage problem(ProblemException exception) {
            return exception.problem();
        }
    }

    @Provider
    public static class UnauthorizedMapper extends ProblemMapper<UnauthorizedException> {
        @Override
        ProblemMessage problem(UnauthorizedException exception) {
            return unauthorized();
        }
    }

    @Provider
    public static class AuthenticationFailedMapper extends ProblemMapper<AuthenticationFailedException> {
        @Override
        ProblemMessage problem(AuthenticationFailedException exception) {
            return unauthorized();
        }
    }

    @Provider
    public static class ForbiddenMapper extends ProblemMapper<ForbiddenException> {
        @Override
        ProblemMessage problem(ForbiddenException exception) {
            return simple(403, "forbidden", "common.forbidden.title", "common.forbidden.role");
        }
    }

    /** Unreadable JSON: names the field where reading failed. */
    @Provider
    public static class JsonMapper extends ProblemMapper<JsonProcessingException> {
        @Override
        ProblemMessage problem(JsonProcessingException exception) {
            return unreadableJson(exception);
        }
    }

    /** Replaces Quarkus's built-in plain-JSON answer for a value of the wrong type. */
    @Provider
    public static class MismatchedInputMapper extends ProblemMapper<MismatchedInputException> {
        @Override
        ProblemMessage problem(MismatchedInputException exception) {
            return unreadableJson(exception);
        }
    }

    @Provider
    public static class JsonParseMapper extends ProblemMapper<JsonParseException> {
        @Override
        ProblemMessage problem(JsonParseException exception) {
            return unreadableJson(exception);
        }
    }

    @Provider
    public static class WebApplicationMapper extends ProblemMapper<WebApplicationException> {
        @Override
        ProblemMessage problem(WebApplicationException exception) {
            if (exception.getCause() instanceof JsonProcessingException json) {
                return unreadableJson(json);
            }
            int status = exception.getResponse().getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String reason = type == null ? "Error" : type.getReasonPhrase();
            return new ProblemMessage(status, reason.toLowerCase().replace(' ', '-'), titleFor(status, reason),
                    detailFor(status));
        }

        private static Message titleFor(int status, String reason) {
            return switch (status) {
                case 400 -> Message.of("common.status.400.title");
                case 401 -> Message.of("common.unauthorized.title");
                case 404 -> Message.of("common.status.404.title");
                case 405 -> Message.of("common.status.405.title");
                case 406 -> Message.of("common.status.406.title");
                case 413 -> Message.of("common.status.413.title");
                case 415 -> Message.of("common.status.415.title");
                default -> Message.of("common.status.other.title", reason);
            };
        }

        private static Message detailFor(int status) {
            return switch (status) {
                case 400 -> Message.of("common.status.400.detail");
                case 401 -> Message.of("common.unauthorized.detail");
                case 404 -> Message.of("common.status.404.detail");
                case 405 -> Message.of("common.status.405.detail");
                case 406 -> Message.of("common.status.406.detail");
                case 413 -> Message.of("common.status.413.detail");
                case 415 -> Message.of("common.status.415.detail");
                default -> Message.of("common.status.other.detail");
            };
        }
    }

    /** Last resort: logs the cause, answers 500 without internals. */
    @Provider
    public static class UnexpectedMapper extends ProblemMapper<Exception> {
        private static final Logger LOG = Logger.getLogger(UnexpectedMapper.class);

        @Override
        ProblemMessage problem(Exception exception) {
            LOG.error("Unexpected error", exception);
            return simple(500, "internal", "common.internal.title", "common.internal.detail");
        }
    }

    static ProblemMessage unreadableJson(JsonProcessingException exception) {
        String field = exception instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        Violation violation = exception instanceof PlainText.ControlCharacter
                ? new Violation(field.isEmpty() ? "$" : field, "control-character", Message.of("common.control-character"))
                : new Violation(field.isEmpty() ? "$" : field, "unreadable", Message.of(
                        field.isEmpty() ? "common.unreadable.body" : "common.unreadable.value"));
        return new ProblemMessage(400, "bad-request", Message.of("common.bad-request.title"),
                Message.of("common.unreadable.detail"), List.of(violation));
    }

    static String jsonPath(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    static ProblemMessage unauthorized() {
        return simple(401, "unauthorized", "common.unauthorized.title", "common.unauthorized.detail");
    }
}
