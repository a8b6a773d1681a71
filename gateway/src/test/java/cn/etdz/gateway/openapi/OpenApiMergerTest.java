package cn.etdz.gateway.openapi;

import cn.etdz.gateway.routing.RouteTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergerTest {

    private final ObjectMapper json = new ObjectMapper();
    private final OpenApiMerger merger = new OpenApiMerger(json);
    private final RouteTable routes = new RouteTable(List.of(route("indicator", "/api/v1/zones"),
            route("evaluation", "/api/v1/scores")));

    private static RouteTable.Route route(String name, String prefix) {
        return new RouteTable.Route(name, prefix, URI.create("http://localhost:1"), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    private JsonNode doc(String path, String schemaName, String schemaType) throws Exception {
        return json.readTree("""
                {"openapi": "3.0.3", "info": {"title": "x", "version": "1"},
                 "paths": {"%s": {"get": {"operationId": "list", "responses": {"200": {"description": "ok",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/%s"}}}}}}}},
                 "components": {"schemas": {"%s": {"type": "%s"}}}}""".formatted(path, schemaName, schemaName, schemaType));
    }

    @Test
    void aSchemaTwoServicesDefineDifferentlyIsRenamedAndItsReferencesFollow() throws Exception {
        JsonNode merged = merger.merge(info(), routes, List.of(
                new OpenApiMerger.Source("indicator", doc("/api/v1/zones", "Item", "object")),
                new OpenApiMerger.Source("evaluation", doc("/api/v1/scores", "Item", "array"))));
        assertThat(merged.at("/components/schemas/Item/type").asText()).isEqualTo("object");
        assertThat(merged.at("/components/schemas/EvaluationItem/type").asText()).isEqualTo("array");
        assertThat(merged.at("/paths/~1api~1v1~1scores/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/EvaluationItem");
    }

    @Test
    void aComponentThatIsOnlyAScalarIsWrittenInPlace() throws Exception {
        JsonNode service = json.readTree("""
                {"openapi": "3.1.0", "info": {"title": "x", "version": "1"},
                 "paths": {"/api/v1/zones": {"get": {"operationId": "list", "responses": {"200": {"description": "ok",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ZoneView"}}}}}}}},
                 "components": {"schemas": {
                   "ZoneView": {"type": "object", "properties": {
                     "approvedOn": {"$ref": "#/components/schemas/LocalDate"},
                     "status": {"$ref": "#/components/schemas/ZoneStatus"}}},
                   "LocalDate": {"type": "string", "format": "date", "examples": ["2022-03-10"]},
                   "ZoneStatus": {"type": "string", "enum": ["ACTIVE", "EXITED"]}}}}""");
        JsonNode merged = merger.merge(info(), routes, List.of(new OpenApiMerger.Source("indicator", service)));
        assertThat(merged.at("/components/schemas").has("LocalDate")).isFalse();
        assertThat(merged.at("/components/schemas/ZoneView/properties/approvedOn/type").asText()).isEqualTo("string");
        assertThat(merged.at("/components/schemas/ZoneView/properties/approvedOn/format").asText()).isEqualTo("date");
        assertThat(merged.at("/components/schemas/ZoneView/properties/status/$ref").asText())
                .as("an enumeration stays a named schema").isEqualTo("#/components/schemas/ZoneStatus");
    }

    @Test
    void sharedParametersAndErrorsAreDocumentedWithExamples() throws Exception {
        JsonNode service = json.readTree("""
                {"openapi": "3.1.0", "info": {"title": "x", "version": "1"},
                 "paths": {"/api/v1/scores": {"get": {"operationId": "getRanking",
                   "parameters": [{"name": "zoneType", "in": "query", "schema": {"type": "string"}},
                                  {"name": "period", "in": "query", "description": "The year", "schema": {"type": "string"}}],
                   "responses": {"200": {"description": "ok"}, "422": {"description": "invalid"}}}}}}""");
        JsonNode merged = merger.merge(info(), routes, List.of(new OpenApiMerger.Source("evaluation", service)));
        JsonNode operation = merged.at("/paths/~1api~1v1~1scores/get");
        assertThat(operation.at("/parameters/0/description").asText()).contains("ETDZ", "国家级经济技术开发区", "BECZ");
        assertThat(operation.at("/parameters/0/example").asText()).isEqualTo("ETDZ");
        assertThat(operation.at("/parameters/1/description").asText()).as("the service's own words stay").isEqualTo("The year");
        assertThat(operation.at("/parameters/1/example").asText()).isEqualTo("2015");
        JsonNode problem = operation.at("/responses/422/content/application~1problem+json/example");
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/scores");
        assertThat(problem.at("/violations/0/field").asText()).isEqualTo("values[0].value");
        assertThat(operation.at("/responses/401/content/application~1problem+json/example/status").asInt()).isEqualTo(401);
    }

    @Test
    void anOperationGetsItsRecordedExamplesWhereTheServiceGaveNone() throws Exception {
        JsonNode service = json.readTree("""
                {"openapi": "3.1.0", "info": {"title": "x", "version": "1"},
                 "paths": {"/api/v1/zones/{code}": {"get": {"operationId": "getZone",
                   "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
                  "/api/v1/zones": {"post": {"operationId": "registerZone",
                   "requestBody": {"content": {"application/json": {"schema": {"type": "object"},
                                                                     "example": {"code": "OWN-EXAMPLE"}}}},
                   "responses": {"201": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}}}}}""");
        JsonNode merged = merger.merge(info(), routes, List.of(new OpenApiMerger.Source("indicator", service)));
        assertThat(merged.at("/paths/~1api~1v1~1zones~1{code}/get/responses/200/content/application~1json/example/code")
                .asText()).isEqualTo("SUZHOU-IP");
        assertThat(merged.at("/paths/~1api~1v1~1zones/post/requestBody/content/application~1json/example/code").asText())
                .as("a service's own example stays").isEqualTo("OWN-EXAMPLE");
        assertThat(merged.at("/paths/~1api~1v1~1zones/post/responses/201/content/application~1json/example/code")
                .asText()).isEqualTo("DEMO-NEW-ETDZ");
    }

    @Test
    void aBodyOfTwoShapesGetsBothRecordedExamplesByName() throws Exception {
        JsonNode service = json.readTree("""
                {"openapi": "3.1.0", "info": {"title": "x", "version": "1"},
                 "paths": {"/api/v1/scores": {"post": {"operationId": "createMethodologyVersion",
                   "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
                   "responses": {"201": {"description": "ok"}}}}}}""");
        JsonNode merged = merger.merge(info(), routes, List.of(new OpenApiMerger.Source("evaluation", service)));
        JsonNode content = merged.at("/paths/~1api~1v1~1scores/post/requestBody/content/application~1json");
        assertThat(content.has("example")).as("example and examples exclude each other").isFalse();
        assertThat(content.at("/examples/default/value/pillars/0/code").asText()).isEqualTo("ECONOMY");
        assertThat(content.at("/examples/mofcom2021Tree/value/nodes/0/code").asText()).isEqualTo("OPENING_UP");
        assertThat(content.at("/examples/mofcom2021Tree/value/nodes/0/nodes/0/name").asText()).isEqualTo("利用外资");
    }

    @Test
    void aDuplicateOperationIdIsQualifiedByTheRouteSoBothStayCallable() throws Exception {
        JsonNode merged = merger.merge(info(), routes, List.of(
                new OpenApiMerger.Source("indicator", doc("/api/v1/zones", "A", "object")),
                new OpenApiMerger.Source("evaluation", doc("/api/v1/scores", "B", "object"))));
        assertThat(merged.at("/paths/~1api~1v1~1zones/get/operationId").asText()).isEqualTo("list");
        assertThat(merged.at("/paths/~1api~1v1~1scores/get/operationId").asText()).isEqualTo("evaluationList");
    }

    @Test
    void aPathDocumentedByAServiceThatDoesNotOwnItIsLeftOut() throws Exception {
        JsonNode merged = merger.merge(info(), routes, List.of(
                new OpenApiMerger.Source("evaluation", doc("/api/v1/zones", "A", "object"))));
        assertThat(merged.at("/paths").has("/api/v1/zones")).isFalse();
        assertThat(merged.at("/components/schemas").has("A")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "get, /api/v1/zones, getZones",
            "get, /api/v1/zones/{code}/revisions, getZonesByCodeRevisions",
            "post, /api/v1/submissions/batch, postSubmissionsBatch",
            "get, /api/v1/scores/{zone}/{period}/explanation, getScoresByZoneByPeriodExplanation"})
    void generatedOperationIdsFollowMethodAndPath(String method, String path, String expected) {
        assertThat(OpenApiMerger.generatedOperationId(method, path)).isEqualTo(expected);
    }

    private static OpenApiMerger.Info info() {
        return new OpenApiMerger.Info("t", "v1", "d", "http://localhost:8080", "team", "https://example.org");
    }
}
