package cn.etdz.client.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema names of the merged document are what developers write against in every generated client, so they must
 * say what they are: no numbered duplicates ({@code Value1}), no bare generic nouns ({@code Item}, {@code Value}), no
 * schema for a JSON scalar ({@code LocalDate}: dates are {@code string} with a {@code format}), no name a generated
 * client already uses for itself, and one schema per concept (two object schemas with the same properties are the
 * same concept under two names).
 */
class SchemaNamesTest {

    /** Nouns that say nothing of what the thing is. */
    private static final Set<String> GENERIC = Set.of("Item", "Items", "Value", "Values", "Point", "Points", "Count",
            "Counts", "Change", "Changes", "Series", "Pillars", "Province", "Data", "Info", "Result", "Results", "Entry",
            "Record", "Object", "Element", "Detail", "Details", "Body", "Payload", "Model", "Thing", "Type");
    /** Names the Java, Python or TypeScript generators, or the languages themselves, already use. */
    private static final Set<String> TAKEN = Set.of("Configuration", "ResponseError", "FetchError", "RequiredError",
            "ApiResponse", "ApiClient", "ApiException", "Pair", "JSON", "Date", "Error", "String", "Number", "Boolean",
            "Map", "Set", "Promise", "Response", "Request", "File", "Blob", "List", "Dict", "Any", "Exception");

    @Test
    void everySchemaNameSaysWhatItIs() throws IOException {
        JsonNode schemas = schemas();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            String name = schema.getKey();
            if (Character.isDigit(name.charAt(name.length() - 1))) {
                problems.add(name + ": a numbered name; say how it differs from the schema it duplicates");
            }
            if (GENERIC.contains(name)) {
                problems.add(name + ": a generic noun; name what it is (e.g. SubmittedValue, TimelinessCounts)");
            }
            if (TAKEN.contains(name)) {
                problems.add(name + ": a name generated clients or their languages already use");
            }
            if (isScalar(schema.getValue())) {
                problems.add(name + ": a schema for a JSON scalar; use the type with a format inline");
            }
        }
        assertThat(problems).as("schema names of the merged document").isEmpty();
    }

    @Test
    void oneConceptHasOneSchema() throws IOException {
        Map<String, List<String>> byShape = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            JsonNode properties = schema.getValue().path("properties");
            if (properties.isObject() && properties.size() > 0) {
                byShape.computeIfAbsent(shape(properties), shape -> new ArrayList<>()).add(schema.getKey());
            }
        }
        List<String> duplicates = byShape.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .map(entry -> String.join(" = ", entry.getValue()) + " (" + entry.getKey() + ")").toList();
        assertThat(duplicates).as("schemas with the same properties under different names").isEmpty();
    }

    /** Property names with their JSON types (or referenced schema), in name order. */
    private static String shape(JsonNode properties) {
        Map<String, String> shape = new TreeMap<>();
        properties.fields().forEachRemaining(property -> {
            JsonNode value = property.getValue();
            String type = value.has("$ref") ? value.get("$ref").asText().replaceAll(".*/", "")
                    : value.path("type").toString() + value.path("items").path("$ref").asText("");
            shape.put(property.getKey(), type);
        });
        return new LinkedHashMap<>(shape).toString();
    }

    private static boolean isScalar(JsonNode schema) {
        if (schema.has("enum") || schema.has("properties") || schema.has("allOf") || schema.has("oneOf")
                || schema.has("anyOf")) {
            return false;
        }
        JsonNode type = schema.path("type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        types.remove("null");
        return !types.isEmpty() && types.stream().allMatch(t -> Set.of("string", "number", "integer", "boolean").contains(t));
    }

    private static JsonNode schemas() throws IOException {
        return new ObjectMapper().readTree(Path.of(System.getProperty("merged.openapi")).toFile())
                .path("components").path("schemas");
    }
}
