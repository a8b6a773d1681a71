package cn.etdz.common.api;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.common.text.Text;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Every path segment and query parameter value of every operation, checked before any resource sees it: no control
 * characters, at most {@value #MAX_LENGTH} characters (the widest column a parameter is compared with). A bad one is
 * a 400 problem naming the parameter, so no such text reaches a query.
 */
@Provider
public class ParameterCheck implements ContainerRequestFilter {

    public static final int MAX_LENGTH = 200;

    @Override
    public void filter(ContainerRequestContext request) {
        List<Violation> violations = new ArrayList<>();
        check(request.getUriInfo().getPathParameters(), violations);
        check(request.getUriInfo().getQueryParameters(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(Message.of("common.parameters.detail"), violations);
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, List<Violation> violations) {
        parameters.forEach((name, values) -> {
            for (String value : values) {
                if (value.length() > MAX_LENGTH) {
                    violations.add(new Violation(name, "too-long", Message.of("common.too-long", MAX_LENGTH)));
                } else if (Text.hasControlCharacter(value, false)) {
                    violations.add(new Violation(name, "control-character", Message.of("common.control-character")));
                }
            }
        });
    }
}
