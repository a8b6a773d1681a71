package cn.etdz.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The operations of an OpenAPI 3 document, with their parameters and request bodies, {@code $ref}s resolved. */
final class ApiOperations {

    record Parameter(String name, String in, boolean required, JsonNode schema, JsonNode example) {
    }

    /** One media type of a request body; {@code schemaName} is the component's name when the schema is a reference. */
    record Body(String mediaType, JsonNode schema, String schemaName, JsonNode example) {
    }

    record Operation(String method, String path, String id, List<Parameter> parameters, List<Body> bodies) {

        boolean mutating() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;

    ApiOperations(JsonNode document) {
        this.document = document;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode list : List.of(path.getValue().path("parameters"), operation.path("parameters"))) {
                    for (JsonNode parameter : list) {
                        JsonNode resolved = resolve(parameter);
                        JsonNode schema = resolve(resolved.path("schema"));
                        parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                                resolved.path("required").asBoolean(false), schema,
                                resolved.has("example") ? resolved.get("example") : schema.get("example")));
                    }
                }
                List<Body> bodies = new ArrayList<>();
                JsonNode requestBody = resolve(operation.path("requestBody"));
                for (Iterator<Map.Entry<String, JsonNode>> media = requestBody.path("content").fields(); media.hasNext(); ) {
                    Map.Entry<String, JsonNode> type = media.next();
                    JsonNode schema = type.getValue().path("schema");
                    String name = schema.has("$ref") ? schema.get("$ref").asText().replaceAll(".*/", "") : null;
                    JsonNode resolved = resolve(schema);
                    bodies.add(new Body(type.getKey(), resolved, name,
                            type.getValue().has("example") ? type.getValue().get("example") : resolved.get("example")));
                }
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        operation.path("operationId").asText(method.getKey() + " " + path.getKey()), parameters, bodies));
            }
        }
        return operations;
    }

    /** Follows {@code $ref} to its component; any other node as it is. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current == null || current.isMissingNode() ? JsonNodeFactory.instance.objectNode() : current;
    }

    /**
     * A value for a schema built from its examples, defaults and enumerations, else the simplest value of its type; a
     * starting point that the battery's table of known-good bodies refines.
     */
    JsonNode sample(JsonNode schemaOrRef, int depth) {
        JsonNode schema = resolve(schemaOrRef);
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        if (schema.has("allOf") && !schema.get("allOf").isEmpty()) {
            return sample(schema.get("allOf").get(0), depth);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "integer", "number" -> json.numberNode(1);
            case "boolean" -> json.booleanNode(false);
            case "array" -> depth > 5 ? json.arrayNode() : json.arrayNode().add(sample(schema.path("items"), depth + 1));
            case "object" -> {
                ObjectNode object = json.objectNode();
                if (depth <= 5) {
                    schema.path("properties").fields().forEachRemaining(property ->
                            object.set(property.getKey(), sample(property.getValue(), depth + 1)));
                    if (schema.path("additionalProperties").isObject()) {
                        object.set("KEY", sample(schema.get("additionalProperties"), depth + 1));
                    }
                }
                yield object;
            }
            default -> switch (schema.path("format").asText()) {
                case "date" -> json.textNode("2015-06-30");
                case "date-time" -> json.textNode("2015-06-30T00:00:00Z");
                default -> json.textNode("x");
            };
        };
    }
}
