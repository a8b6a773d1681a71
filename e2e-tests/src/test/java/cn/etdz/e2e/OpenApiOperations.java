package cn.etdz.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of an OpenAPI 3 document (as the gateway serves it at {@code GET /openapi}): method, path template,
 * operationId, parameters and request media types. Tests generated from the document use it, so an operation added to
 * a service is covered without editing them.
 */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One parameter of an operation: {@code in} is path, query or header. */
    public record Parameter(String name, String in, boolean required) {
    }

    public record Operation(String method, String path, String operationId, List<Parameter> parameters,
                            List<String> requestMediaTypes) {

        public boolean hasBody() {
            return !requestMediaTypes.isEmpty();
        }

        /** The path with each {@code {name}} replaced by its value (which must be given). */
        public String path(Map<String, String> pathValues) {
            String resolved = path;
            for (Parameter parameter : parameters) {
                if (parameter.in().equals("path")) {
                    String value = pathValues.get(parameter.name());
                    if (value == null) {
                        throw new IllegalArgumentException(describe() + ": no value for path parameter " + parameter.name());
                    }
                    resolved = resolved.replace("{" + parameter.name() + "}", value);
                }
            }
            return resolved;
        }

        public String describe() {
            return operationId + " (" + method.toUpperCase() + " " + path + ")";
        }
    }

    private OpenApiOperations() {
    }

    /** Every operation of the document, in document order. */
    public static List<Operation> of(String documentJson) {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(documentJson);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON OpenAPI document", e);
        }
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Parameter> shared = parameters(path.getValue().path("parameters"));
            for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> item = items.next();
                if (!METHODS.contains(item.getKey())) {
                    continue;
                }
                JsonNode operation = item.getValue();
                List<Parameter> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(operation.path("parameters")));
                List<String> mediaTypes = new ArrayList<>();
                operation.path("requestBody").path("content").fieldNames().forEachRemaining(mediaTypes::add);
                operations.add(new Operation(item.getKey(), path.getKey(), operation.path("operationId").asText(null),
                        List.copyOf(parameters), List.copyOf(mediaTypes)));
            }
        }
        return operations;
    }

    private static List<Parameter> parameters(JsonNode list) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : list) {
            parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                    parameter.path("required").asBoolean(false)));
        }
        return parameters;
    }
}
