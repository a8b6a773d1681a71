package cn.etdz.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The bad (and borderline) values the battery sends in place of each parameter and each field of a body. */
final class Variants {

    /** Numbers JSON has no literal for are sent as raw text in place of this marker. */
    private static final String RAW = "\uE000raw:";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Variants() {
    }

    /** Texts sent as a parameter value: name → value, {@code null} meaning the parameter is left out. */
    static Map<String, String> parameterValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("missing", null);
        values.put("empty", "");
        values.put("NUL", "a\u0000b");
        values.put("control U+0001", "\u0001");
        values.put("escape U+001B", "\u001b[31m");
        values.put("DEL U+007F", "\u007f");
        values.put("line break", "a\nb");
        values.put("10000 characters", "x".repeat(10_000));
        values.put("negative", "-1");
        values.put("zero", "0");
        values.put("int max", "2147483647");
        values.put("1e308", "1e308");
        values.put("Long.MAX_VALUE+1", "9223372036854775808");
        values.put("1e999", "1e999");
        values.put("NaN", "NaN");
        values.put("Infinity", "Infinity");
        values.put("far future date", "+999999999-12-31");
        values.put("far past date", "-999999999-01-01");
        values.put("impossible date", "2015-02-30");
        values.put("malformed date", "2015-1-1T25:61");
        values.put("unknown enum value", "NOT_A_VALUE");
        values.put("non-ASCII", "开发区\uD83D\uDE00");
        return values;
    }

    /** Replacements for one field of a JSON body: name → node ({@code null} removes the field). */
    static Map<String, JsonNode> fieldValues() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("missing", null);
        values.put("null", JSON.nullNode());
        values.put("wrong type: object", JSON.objectNode().put("x", 1));
        values.put("wrong type: array", JSON.arrayNode().add(1));
        values.put("wrong type: boolean", JSON.booleanNode(true));
        values.put("empty string", JSON.textNode(""));
        values.put("NUL", JSON.textNode("a\u0000b"));
        values.put("control U+0001", JSON.textNode("\u0001"));
        values.put("DEL U+007F", JSON.textNode("\u007f"));
        values.put("10000 characters", JSON.textNode("x".repeat(10_000)));
        values.put("negative", JSON.numberNode(-1));
        values.put("zero", JSON.numberNode(0));
        values.put("1e308", JSON.numberNode(1e308));
        values.put("-1e308", JSON.numberNode(-1e308));
        values.put("Long.MAX_VALUE+1", JSON.numberNode(new java.math.BigInteger("9223372036854775808")));
        values.put("1e999", JSON.textNode(RAW + "1e999"));
        values.put("-1e999", JSON.textNode(RAW + "-1e999"));
        values.put("NaN as string", JSON.textNode("NaN"));
        values.put("Infinity as string", JSON.textNode("Infinity"));
        values.put("number as string", JSON.textNode("12.5"));
        values.put("far future date", JSON.textNode("+999999999-12-31T23:59:59Z"));
        values.put("far past date", JSON.textNode("-999999999-01-01"));
        values.put("impossible date", JSON.textNode("2015-02-30"));
        values.put("unknown enum value", JSON.textNode("NOT_A_VALUE"));
        return values;
    }

    /** Whole bodies that are not the JSON document asked for. */
    static Map<String, String> malformedJson() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("empty body", "");
        bodies.put("truncated", "{\"a\": ");
        bodies.put("not JSON", "zone=SUZHOU-IP");
        bodies.put("JSON null", "null");
        bodies.put("JSON array", "[]");
        bodies.put("JSON string", "\"text\"");
        bodies.put("JSON number", "1e999");
        bodies.put("trailing garbage", "{} }");
        bodies.put("deep nesting", "[".repeat(5_000) + "]".repeat(5_000));
        return bodies;
    }

    /** One changed body: what was changed, and the JSON text to send. */
    record BodyVariant(String field, String variant, String text) {
    }

    /**
     * Every field of the body (recursively, including the first item of each array and the keys of maps) replaced by
     * each of {@link #fieldValues()}, plus map keys with control characters.
     */
    static List<BodyVariant> ofBody(JsonNode body, JsonNode schema, Function<JsonNode, JsonNode> resolve) {
        List<BodyVariant> variants = new ArrayList<>();
        walk(body, body, schema, "", resolve, variants);
        return variants;
    }

    private static void walk(JsonNode root, JsonNode node, JsonNode schemaOrRef, String path,
                             Function<JsonNode, JsonNode> resolve, List<BodyVariant> variants) {
        JsonNode schema = resolve.apply(schemaOrRef == null ? JSON.objectNode() : schemaOrRef);
        if (node.isObject()) {
            boolean map = schema.path("additionalProperties").isObject() && !schema.has("properties");
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path.isEmpty() ? name : path + "." + name;
                JsonNode childSchema = map ? schema.get("additionalProperties") : schema.path("properties").get(name);
                fieldValues().forEach((variant, value) -> variants.add(new BodyVariant(child, variant,
                        text(replaced(root, path, name, value)))));
                if (map) {
                    for (String key : List.of(name + "\u0000", "\u0001", "x".repeat(10_000))) {
                        JsonNode copy = root.deepCopy();
                        ObjectNode parent = (ObjectNode) at(copy, path);
                        JsonNode value = parent.remove(name);
                        parent.set(key, value);
                        variants.add(new BodyVariant(child, "key " + describe(key), text(copy)));
                    }
                }
                walk(root, node.get(name), childSchema, child, resolve, variants);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            String child = path + "[0]";
            fieldValues().forEach((variant, value) -> variants.add(new BodyVariant(child, variant,
                    text(replaced(root, path, 0, value)))));
            walk(root, node.get(0), schema.get("items"), child, resolve, variants);
        }
    }

    private static String describe(String key) {
        return key.length() > 100 ? "of 10000 characters" : key.chars().anyMatch(c -> c < 0x20)
                ? "with a control character" : key;
    }

    /** A copy of the root with the member {@code key} (a name or an index) of the node at {@code path} replaced. */
    private static JsonNode replaced(JsonNode root, String path, Object key, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = at(copy, path);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove((String) key);
            } else {
                object.set((String) key, value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove((int) key);
            } else {
                array.set((int) key, value);
            }
        }
        return copy;
    }

    /** The node at a path such as {@code values[0].note} (names without dots or brackets, as in our schemas). */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        if (path.isEmpty()) {
            return node;
        }
        for (String step : path.split("\\.")) {
            String name = step.replaceAll("\\[\\d+]", "");
            if (!name.isEmpty()) {
                node = node.get(name);
            }
            for (Iterator<String> index = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(step).results()
                    .map(m -> m.group(1)).iterator(); index.hasNext(); ) {
                node = node.get(Integer.parseInt(index.next()));
            }
        }
        return node;
    }

    /** The JSON text, with raw numbers put in place of their markers. */
    static String text(JsonNode node) {
        return node.toString().replaceAll("\"" + RAW + "([^\"]*)\"", "$1");
    }
}
