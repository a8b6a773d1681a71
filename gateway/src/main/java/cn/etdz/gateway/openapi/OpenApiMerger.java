package cn.etdz.gateway.openapi;

import cn.etdz.gateway.routing.RouteTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the services' own OpenAPI documents into the one public document of the gateway. Plain Jackson, no CDI: the
 * running gateway ({@link MergedOpenApi}) and the build ({@link OpenApiMergeCli}, which feeds the client generator)
 * use this same class, so the document clients generate from is the document the gateway serves.
 *
 * <p>What the merge does, and why:
 * <ul>
 *   <li>keeps only the paths the route table sends to the service that documented them, so internal paths never
 *   leak and a path is documented by its owner only;</li>
 *   <li>renames a component schema that two services define differently ({@code <Service><Name>}) and rewrites the
 *   references, and drops schemas no kept operation reaches;</li>
 *   <li>declares the one bearer security scheme and requires it on every operation, because the gateway does;</li>
 *   <li>answers every 4xx/5xx with the gateway's {@code Problem} schema as {@code application/problem+json} and adds
 *   the errors the gateway itself answers (401, 413 for operations with a body, 429, 502, 504), so generated clients
 *   can read every error through their own types;</li>
 *   <li>fills a missing {@code operationId}, tag or description deterministically, so identifiers stay stable;</li>
 *   <li>gives parameters every service uses alike (period, zone type, province …) their description and example
 *   where a service left them out, and every error response an example problem
 *   ({@code openapi/conventions.json}), and the operations their request and response examples, real answers of
 *   the demo data ({@code openapi/examples.json});</li>
 *   <li>writes JSON scalars in place: a component schema that is only a string, number or boolean (SmallRye makes
 *   {@code LocalDate} and {@code OffsetDateTime} components) becomes the type with its format wherever it is used,
 *   so no generated client gets a class for a date.</li>
 * </ul>
 */
public final class OpenApiMerger {

    /** The gateway's own operations and the shared schemas ({@code Problem}, {@code Violation}). */
    public static final String GATEWAY_SOURCE = "gateway";
    static final String SCHEME = "bearer";
    private static final String REF_PREFIX = "#/components/schemas/";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> GATEWAY_SCHEMAS = Set.of("Problem", "Violation");

    /** One service's document and the name of the route that owns its public paths. */
    public record Source(String route, JsonNode document) {
    }

    /** What the merged document says about itself. */
    public record Info(String title, String version, String description, String serverUrl, String contactName,
                       String contactUrl) {
    }

    private final ObjectMapper json;
    private final JsonNode conventions;
    private final JsonNode examples;

    public OpenApiMerger(ObjectMapper json) {
        this.json = json;
        this.conventions = resource("/openapi/conventions.json");
        this.examples = resource("/openapi/examples.json");
    }

    /** The gateway's own document ({@code /api/v1/me} and the problem schemas), shipped in the gateway jar. */
    public JsonNode gatewayDocument() {
        return resource("/openapi/gateway.json");
    }

    private JsonNode resource(String name) {
        try (InputStream in = OpenApiMerger.class.getResourceAsStream(name)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges the documents. Paths are kept when {@code routes} resolves them to the source's route; the gateway's own
     * source keeps every path it declares.
     */
    public ObjectNode merge(Info info, RouteTable routes, List<Source> sources) {
        ObjectNode merged = json.createObjectNode();
        // The services' generator decides the dialect (SmallRye writes 3.1); the gateway's own part is valid in both.
        merged.put("openapi", sources.stream().map(s -> s.document().path("openapi").asText("3.0.3"))
                .max(java.util.Comparator.naturalOrder()).orElse("3.0.3"));
        ObjectNode infoNode = merged.putObject("info");
        infoNode.put("title", info.title());
        infoNode.put("version", info.version());
        infoNode.put("description", info.description());
        ObjectNode contact = infoNode.putObject("contact");
        contact.put("name", info.contactName());
        contact.put("url", info.contactUrl());
        merged.putArray("servers").addObject().put("url", info.serverUrl()).put("description", "The platform's gateway");
        merged.putArray("security").addObject().putArray(SCHEME);
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = json.createObjectNode();
        Map<String, String> tagDescriptions = new TreeMap<>();
        Set<String> operationIds = new HashSet<>();

        List<Source> ordered = new java.util.ArrayList<>();
        sources.stream().filter(s -> GATEWAY_SOURCE.equals(s.route())).forEach(ordered::add);
        sources.stream().filter(s -> !GATEWAY_SOURCE.equals(s.route())).forEach(ordered::add);
        for (Source source : ordered) {
            ObjectNode document = source.document().deepCopy();
            inlineScalars(document);
            boolean gateway = GATEWAY_SOURCE.equals(source.route());
            Map<String, String> renames = mergeSchemas(source.route(), document, schemas, gateway);
            rewriteRefs(document, renames);
            document.path("tags").forEach(tag -> {
                if (tag.hasNonNull("description")) {
                    tagDescriptions.putIfAbsent(tag.path("name").asText(), tag.get("description").asText());
                }
            });
            Iterator<Map.Entry<String, JsonNode>> pathIterator = document.path("paths").fields();
            while (pathIterator.hasNext()) {
                Map.Entry<String, JsonNode> entry = pathIterator.next();
                String path = entry.getKey();
                boolean owned = gateway || routes.resolve(path).map(r -> r.name().equals(source.route())).orElse(false);
                if (!owned || paths.has(path)) {
                    continue;
                }
                ObjectNode item = (ObjectNode) entry.getValue();
                item.remove("servers");
                for (String method : METHODS) {
                    if (item.get(method) instanceof ObjectNode operation) {
                        normalise(operation, method, path, source.route(), operationIds, tagDescriptions);
                    }
                }
                paths.set(path, item);
            }
        }
        sortPaths(merged);

        ObjectNode components = merged.putObject("components");
        components.set("schemas", reachable(merged.get("paths"), schemas));
        ObjectNode scheme = components.putObject("securitySchemes").putObject(SCHEME);
        scheme.put("type", "http");
        scheme.put("scheme", "bearer");
        scheme.put("bearerFormat", "JWT");
        scheme.put("description", "An RS256 JWT from the platform's identity provider; roles in `groups`, a "
                + "submitter's or reviewer's province in `province`.");
        ArrayNode tags = merged.putArray("tags");
        tagDescriptions.forEach((name, description) -> {
            ObjectNode tag = tags.addObject().put("name", name);
            if (!description.isEmpty()) {
                tag.put("description", description);
            }
        });
        // tags before paths reads better; Jackson keeps insertion order, so move paths and components to the end.
        JsonNode pathsNode = merged.remove("paths");
        JsonNode componentsNode = merged.remove("components");
        merged.set("paths", pathsNode);
        merged.set("components", componentsNode);
        return merged;
    }

    /** Replaces references to scalar component schemas by the schema itself and drops those components. */
    private static void inlineScalars(ObjectNode document) {
        if (!(document.path("components").path("schemas") instanceof ObjectNode schemas)) {
            return;
        }
        Map<String, JsonNode> scalars = new LinkedHashMap<>();
        schemas.fields().forEachRemaining(schema -> {
            if (isScalar(schema.getValue())) {
                scalars.put(REF_PREFIX + schema.getKey(), schema.getValue());
            }
        });
        if (scalars.isEmpty()) {
            return;
        }
        scalars.keySet().forEach(ref -> schemas.remove(ref.substring(REF_PREFIX.length())));
        Deque<JsonNode> work = new ArrayDeque<>();
        work.push(document);
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            if (node instanceof ObjectNode object) {
                JsonNode scalar = object.has("$ref") ? scalars.get(object.get("$ref").asText()) : null;
                if (scalar != null) {
                    object.remove("$ref");
                    scalar.fields().forEachRemaining(field -> object.putIfAbsent(field.getKey(), field.getValue().deepCopy()));
                }
                object.elements().forEachRemaining(work::push);
            } else if (node instanceof ArrayNode array) {
                array.elements().forEachRemaining(work::push);
            }
        }
    }

    /** A schema of one JSON scalar type (a {@code null} alternative aside), with no enumeration or structure. */
    private static boolean isScalar(JsonNode schema) {
        if (!schema.isObject() || schema.has("enum") || schema.has("properties") || schema.has("items")
                || schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf") || schema.has("$ref")) {
            return false;
        }
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        types.remove("null");
        return !types.isEmpty() && Set.of("string", "number", "integer", "boolean").containsAll(types);
    }

    private Map<String, String> mergeSchemas(String route, ObjectNode document, ObjectNode into, boolean gateway) {
        Map<String, String> renames = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = document.path("components").path("schemas").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> schema = it.next();
            String name = schema.getKey();
            if (!gateway && GATEWAY_SCHEMAS.contains(name)) {
                continue; // the gateway's definition of the error body wins; references keep pointing to it
            }
            JsonNode existing = into.get(name);
            if (existing == null || existing.equals(schema.getValue())) {
                into.set(name, schema.getValue());
            } else {
                String renamed = pascal(route) + name;
                renames.put(name, renamed);
                into.set(renamed, schema.getValue());
            }
        }
        return renames;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(REF_PREFIX)) {
                String renamed = renames.get(ref.asText().substring(REF_PREFIX.length()));
                if (renamed != null) {
                    object.put("$ref", REF_PREFIX + renamed);
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private void normalise(ObjectNode operation, String method, String path, String route, Set<String> operationIds,
                           Map<String, String> tagDescriptions) {
        String id = operation.path("operationId").asText("");
        if (id.isEmpty()) {
            id = generatedOperationId(method, path);
        }
        if (!operationIds.add(id)) {
            id = route + pascal(id);
            operationIds.add(id);
        }
        operation.put("operationId", id);
        if (!operation.has("tags") || operation.get("tags").isEmpty()) {
            operation.putArray("tags").add(defaultTag(path));
        }
        operation.get("tags").forEach(tag -> tagDescriptions.putIfAbsent(tag.asText(), ""));
        if (!operation.hasNonNull("summary")) {
            operation.put("summary", method.toUpperCase(Locale.ROOT) + " " + path);
        }
        if (!operation.hasNonNull("description")) {
            operation.put("description", operation.get("summary").asText() + ".");
        }
        orderParameters(operation, path);
        documentParameters(operation, path);
        addExamples(operation, id);
        operation.remove("security");
        operation.putArray("security").addObject().putArray(SCHEME);

        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        responses.remove("default");
        addProblem(responses, "401", "The bearer token is missing, expired or not valid.");
        if (operation.has("requestBody")) {
            addProblem(responses, "413", "The request body is larger than this route accepts.");
        }
        addProblem(responses, "429", "Too many requests from this caller; retry after the seconds in `Retry-After`.");
        ObjectNode retryAfter = ((ObjectNode) responses.get("429")).putObject("headers").putObject("Retry-After");
        retryAfter.put("description", "Seconds to wait before the next request is accepted.");
        retryAfter.putObject("schema").put("type", "integer").put("format", "int32");
        addProblem(responses, "502", "The service behind the gateway could not be reached or failed to answer.");
        addProblem(responses, "504", "The service behind the gateway did not answer in time.");
        Iterator<Map.Entry<String, JsonNode>> it = responses.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> response = it.next();
            if (response.getKey().matches("[45]\\d\\d") && response.getValue() instanceof ObjectNode body) {
                ObjectNode content = body.putObject("content");
                ObjectNode problem = content.putObject("application/problem+json");
                problem.putObject("schema").put("$ref", REF_PREFIX + "Problem");
                JsonNode example = conventions.path("problems").path(response.getKey());
                if (example instanceof ObjectNode exampleProblem) {
                    problem.set("example", exampleProblem.deepCopy().put("instance", path)
                            .put("requestId", "3f2b8c1e-9d4a-4c7e-8b1a-2f6d5e4c3b2a"));
                }
                if (!body.hasNonNull("description") || body.get("description").asText().isBlank()) {
                    body.put("description", "A problem (RFC 9457).");
                }
            }
        }
        sortResponses(operation);
    }

    /**
     * Path parameters first, in the order they appear in the path, then the others as documented: generators turn
     * the list into method arguments, and {@code getInput(zone, period)} reads better than SmallRye's alphabetical
     * {@code getInput(period, zone)}.
     */
    private void orderParameters(ObjectNode operation, String path) {
        if (!(operation.get("parameters") instanceof ArrayNode parameters)) {
            return;
        }
        List<JsonNode> sorted = new java.util.ArrayList<>();
        parameters.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparingInt(parameter -> "path".equals(parameter.path("in").asText())
                ? path.indexOf("{" + parameter.path("name").asText() + "}") : Integer.MAX_VALUE));
        ArrayNode replacement = json.createArrayNode();
        sorted.forEach(replacement::add);
        operation.set("parameters", replacement);
    }

    /**
     * Adds the operation's examples where the service gave none: {@code request} by media type, {@code responses} by
     * status (the JSON body of that answer). Further named request examples ({@code requestExamples}, by media type,
     * e.g. another shape the body may take) turn the request example into the first of {@code examples}, named
     * {@code default}.
     */
    private void addExamples(ObjectNode operation, String operationId) {
        JsonNode known = examples.path("operations").path(operationId);
        known.path("request").fields().forEachRemaining(media -> {
            if (operation.at("/requestBody/content").path(media.getKey()) instanceof ObjectNode content
                    && !content.has("example") && !content.has("examples")) {
                content.set("example", media.getValue());
            }
        });
        known.path("requestExamples").fields().forEachRemaining(media -> {
            if (operation.at("/requestBody/content").path(media.getKey()) instanceof ObjectNode content
                    && !content.has("examples")) {
                ObjectNode named = json.createObjectNode();
                if (content.has("example")) {
                    named.putObject("default").set("value", content.remove("example"));
                }
                named.setAll((ObjectNode) media.getValue());
                content.set("examples", named);
            }
        });
        known.path("responses").fields().forEachRemaining(response -> {
            JsonNode content = operation.path("responses").path(response.getKey()).path("content");
            content.fields().forEachRemaining(media -> {
                if (media.getValue() instanceof ObjectNode body && !body.has("example") && !body.has("examples")) {
                    body.set("example", response.getValue());
                }
            });
        });
    }

    /** Fills a parameter's missing description and example from the conventions, the path's own entry first. */
    private void documentParameters(ObjectNode operation, String path) {
        if (!(operation.get("parameters") instanceof ArrayNode parameters)) {
            return;
        }
        JsonNode known = conventions.path("parameters");
        for (JsonNode parameter : parameters) {
            String key = parameter.path("in").asText() + ":" + parameter.path("name").asText();
            JsonNode convention = known.has(key + " " + path) ? known.get(key + " " + path) : known.path(key);
            if (parameter instanceof ObjectNode documented && convention.isObject()) {
                if (!documented.hasNonNull("description") && convention.has("description")) {
                    documented.set("description", convention.get("description"));
                }
                if (!documented.has("example") && !documented.has("examples") && convention.has("example")) {
                    documented.set("example", convention.get("example"));
                }
            }
        }
    }

    private static void addProblem(ObjectNode responses, String status, String description) {
        if (!responses.has(status)) {
            responses.putObject(status).put("description", description);
        }
    }

    private void sortResponses(ObjectNode operation) {
        ObjectNode responses = (ObjectNode) operation.get("responses");
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        responses.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        ObjectNode replacement = json.createObjectNode();
        sorted.forEach(replacement::set);
        operation.set("responses", replacement);
    }

    private void sortPaths(ObjectNode merged) {
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        merged.get("paths").fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        ObjectNode replacement = json.createObjectNode();
        sorted.forEach(replacement::set);
        merged.set("paths", replacement);
    }

    /** The schemas reachable from the kept paths, in name order. */
    private ObjectNode reachable(JsonNode paths, ObjectNode schemas) {
        Set<String> seen = new HashSet<>();
        Deque<JsonNode> work = new ArrayDeque<>();
        work.push(paths);
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            if (node.isObject()) {
                JsonNode ref = node.get("$ref");
                if (ref != null && ref.isTextual() && ref.asText().startsWith(REF_PREFIX)) {
                    String name = ref.asText().substring(REF_PREFIX.length());
                    if (seen.add(name) && schemas.has(name)) {
                        work.push(schemas.get(name));
                    }
                }
                node.elements().forEachRemaining(work::push);
            } else if (node.isArray()) {
                node.elements().forEachRemaining(work::push);
            }
        }
        ObjectNode kept = json.createObjectNode();
        new TreeMap<String, JsonNode>(toMap(schemas)).forEach((name, schema) -> {
            if (seen.contains(name)) {
                kept.set(name, schema);
            }
        });
        return kept;
    }

    private static Map<String, JsonNode> toMap(ObjectNode object) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** {@code GET /api/v1/zones/{code}/revisions} → {@code getZonesByCodeRevisions}. */
    static String generatedOperationId(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (String segment : path.replaceFirst("^/api/v\\d+", "").split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            id.append(segment.startsWith("{") ? "By" + pascal(segment.replaceAll("[{}]", "")) : pascal(segment));
        }
        return id.toString();
    }

    /** The resource a path is about: {@code /api/v1/zones/{code}} → {@code Zones}. */
    static String defaultTag(String path) {
        String[] segments = path.replaceFirst("^/api/v\\d+/?", "").split("/");
        return segments.length == 0 || segments[0].isEmpty() ? "Platform" : pascal(segments[0]);
    }

    static String pascal(String text) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
