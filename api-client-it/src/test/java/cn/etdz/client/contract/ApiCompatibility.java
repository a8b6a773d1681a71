package cn.etdz.client.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The breaking-change guard: compares the merged OpenAPI document with the released document of its major version.
 * openapi-diff decides most of what breaks a client (a removed operation or response, a new required input, a
 * narrowed type or range, fewer enum values accepted …); on top of that every property the released document names,
 * in a request or a response, must still be there, since a client reading or sending it would silently lose it.
 */
public final class ApiCompatibility {

    private static final Pattern MAJOR = Pattern.compile("^v?(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param breaking one line per broken promise, naming the operation and what broke; empty when compatible
     * @param changelog the full difference as Markdown (additions included), for {@code target/api-changelog.md}
     */
    public record Result(List<String> breaking, String changelog) {
        public boolean compatible() {
            return breaking.isEmpty();
        }
    }

    private ApiCompatibility() {
    }

    /** The major version of a document, from {@code info.version} ({@code v1}, {@code 1.2.0} …). */
    public static int majorVersion(String document) {
        try {
            JsonNode version = JSON.readTree(document).path("info").path("version");
            Matcher matcher = MAJOR.matcher(version.asText(""));
            if (!matcher.find()) {
                throw new IllegalArgumentException("info.version '" + version.asText() + "' names no major version");
            }
            return Integer.parseInt(matcher.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares the current document with the released one of the same major version. */
    public static Result compare(String released, String current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(released, current);
        List<String> breaking = new ArrayList<>();
        for (Endpoint missing : diff.getMissingEndpoints()) {
            breaking.add(missing.getMethod() + " " + missing.getPathUrl() + ": the operation was removed or renamed");
        }
        for (ChangedOperation operation : diff.getChangedOperations()) {
            String where = operation.getHttpMethod() + " " + operation.getPathUrl();
            String oldId = operation.getOldOperation().getOperationId();
            String newId = operation.getNewOperation().getOperationId();
            if (oldId != null && !oldId.equals(newId)) {
                // generated clients name their methods after it
                breaking.add(where + ": operationId " + oldId + " became " + newId);
            }
            parameters(where, operation, breaking);
            if (operation.getRequestBody() != null) {
                if (operation.getRequestBody().isCoreChanged().isIncompatible() && operation.getRequestBody().isChangeRequired()) {
                    breaking.add(where + ": the request body became required");
                }
                content(where + " request body", operation.getRequestBody().getContent(), breaking);
            }
            responses(where, operation.getApiResponses(), breaking);
            if (operation.isCoreChanged().isIncompatible() && breaking.stream().noneMatch(line -> line.startsWith(where + ":")
                    || line.startsWith(where + " "))) {
                breaking.add(where + ": changed incompatibly (see the changelog)");
            }
        }
        if (diff.isIncompatible() && breaking.isEmpty()) {
            breaking.add("the document changed incompatibly (see the changelog)");
        }
        return new Result(List.copyOf(breaking), markdown(diff));
    }

    private static void parameters(String where, ChangedOperation operation, List<String> breaking) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter missing : operation.getParameters().getMissing()) {
            breaking.add(where + ": " + missing.getIn() + " parameter '" + missing.getName() + "' was removed or renamed");
        }
        for (Parameter added : operation.getParameters().getIncreased()) {
            if (Boolean.TRUE.equals(added.getRequired())) {
                breaking.add(where + ": new required " + added.getIn() + " parameter '" + added.getName() + "'");
            }
        }
        for (ChangedParameter changed : operation.getParameters().getChanged()) {
            String name = changed.getIn() + " parameter '" + changed.getName() + "'";
            if (changed.isChangeRequired() && Boolean.TRUE.equals(changed.getNewParameter().getRequired())) {
                breaking.add(where + ": " + name + " became required");
            }
            if (changed.getSchema() != null) {
                schema(where + " " + name, changed.getSchema(), breaking, new IdentityHashMap<>());
            }
        }
    }

    private static void responses(String where, ChangedApiResponse responses, List<String> breaking) {
        if (responses == null) {
            return;
        }
        for (String status : responses.getMissing().keySet()) {
            breaking.add(where + ": response " + status + " was removed");
        }
        for (Map.Entry<String, ChangedResponse> response : responses.getChanged().entrySet()) {
            content(where + " response " + response.getKey(), response.getValue().getContent(), breaking);
        }
    }

    private static void content(String where, ChangedContent content, List<String> breaking) {
        if (content == null) {
            return;
        }
        for (String mediaType : content.getMissing().keySet()) {
            breaking.add(where + ": media type " + mediaType + " was removed");
        }
        for (Map.Entry<String, ChangedMediaType> media : content.getChanged().entrySet()) {
            if (media.getValue().getSchema() != null) {
                schema(where, media.getValue().getSchema(), breaking, new IdentityHashMap<>());
            }
        }
    }

    /** Removed properties, type changes and incompatible constraints, recursively through properties and items. */
    private static void schema(String where, ChangedSchema schema, List<String> breaking, Map<ChangedSchema, Boolean> seen) {
        if (seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        for (String property : schema.getMissingProperties().keySet()) {
            breaking.add(where + ": property '" + property + "' was removed or renamed");
        }
        if (schema.isChangedType()) {
            breaking.add(where + ": type " + typeOf(schema.getOldSchema()) + " became " + typeOf(schema.getNewSchema()));
        } else if (schema.isCoreChanged().isIncompatible() && schema.getChangedProperties().isEmpty()
                && schema.getMissingProperties().isEmpty() && schema.getItems() == null) {
            breaking.add(where + ": its schema was narrowed (enum, range, length or required properties)");
        }
        for (Map.Entry<String, ChangedSchema> property : schema.getChangedProperties().entrySet()) {
            schema(where + " ." + property.getKey(), property.getValue(), breaking, seen);
        }
        if (schema.getItems() != null) {
            schema(where + "[]", schema.getItems(), breaking, seen);
        }
    }

    private static String typeOf(Schema<?> schema) {
        if (schema == null) {
            return "none";
        }
        Set<String> types = schema.getTypes();
        return schema.getType() != null ? schema.getType() : types == null ? "any" : String.join("|", types);
    }

    private static String markdown(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MarkdownRender().render(diff, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
