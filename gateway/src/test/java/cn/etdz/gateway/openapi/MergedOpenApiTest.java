package cn.etdz.gateway.openapi;

import cn.etdz.gateway.routing.UpstreamStubResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** The public document as a client generator sees it, merged from the upstreams' own documents. */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class MergedOpenApiTest {

    private JsonPath document;

    @BeforeEach
    void awaitBothServices() {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                given().get("/openapi").jsonPath().getMap("paths").containsKey("/api/v1/scores/{zone}"));
        document = given().get("/openapi").then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void holdsThePublicPathsOfEachServiceAndTheGatewaysOwnButNoInternalPath() {
        assertThat(document.getMap("paths")).containsOnlyKeys(
                "/api/v1/me", "/api/v1/zones/{code}", "/api/v1/submissions", "/api/v1/scores/{zone}");
        assertThat(document.getString("servers[0].url")).isEqualTo("https://api.etdz.example");
        assertThat(document.getString("paths.'/api/v1/zones/{code}'.servers")).isNull();
    }

    @Test
    void requiresTheBearerSchemeOnEveryOperation() {
        assertThat(document.getMap("components.securitySchemes.bearer"))
                .containsEntry("type", "http").containsEntry("scheme", "bearer").containsEntry("bearerFormat", "JWT");
        for (String operation : new String[]{"'/api/v1/me'.get", "'/api/v1/zones/{code}'.get",
                "'/api/v1/submissions'.post", "'/api/v1/scores/{zone}'.get"}) {
            assertThat(document.getList("paths." + operation + ".security")).as(operation)
                    .containsExactly(Map.of("bearer", java.util.List.of()));
        }
    }

    @Test
    void everyErrorResponseIsAProblemAndTheGatewaysOwnErrorsAreDeclared() {
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertThat(responses).as(method + " " + path).containsKeys("401", "429", "502", "504");
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
                    assertThat(content).as(method + " " + path + " " + status).containsOnlyKeys("application/problem+json");
                    assertThat(content.get("application/problem+json").get("schema")).as(method + " " + path + " " + status)
                            .isEqualTo(Map.of("$ref", "#/components/schemas/Problem"));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> example = (Map<String, Object>) content.get("application/problem+json").get("example");
                    assertThat(example).as("the example problem of " + method + " " + path + " " + status)
                            .containsEntry("status", Integer.parseInt(status)).containsEntry("instance", path);
                }
            });
        }));
        assertThat(document.getMap("paths.'/api/v1/submissions'.post.responses")).containsKeys("413", "422");
        assertThat(document.getMap("paths.'/api/v1/zones/{code}'.get.responses")).doesNotContainKey("413");
        assertThat(document.getString("paths.'/api/v1/me'.get.responses.'429'.headers.Retry-After.schema.type"))
                .isEqualTo("integer");
        assertThat(document.getMap("components.schemas.Problem.properties")).containsKeys("requestId", "violations");
        assertThat(document.getMap("components.schemas")).containsKeys("Violation", "Zone", "Submission", "Caller")
                .doesNotContainKey("Unused");
    }

    @Test
    void operationIdsAndTagsAreStableAndDeclared() {
        assertThat(document.getString("paths.'/api/v1/zones/{code}'.get.operationId")).isEqualTo("getZone");
        assertThat(document.getString("paths.'/api/v1/submissions'.post.operationId")).isEqualTo("postSubmissions");
        assertThat(document.getString("paths.'/api/v1/me'.get.operationId")).isEqualTo("getCurrentCaller");
        assertThat(document.getList("tags.name")).containsExactly("Identity", "Scores", "Submissions", "Zones");
        assertThat(document.getString("tags.find { it.name == 'Zones' }.description")).isEqualTo("The zone registry.");
    }

    @Test
    void isServedAsYamlAndSwaggerUiReadsIt() {
        given().queryParam("format", "yaml").get("/openapi")
                .then().statusCode(200).contentType(startsWith("application/yaml"))
                .body(startsWith("openapi: 3.1.0"), containsString("/api/v1/scores/{zone}:"));
        given().get("/openapi.yaml").then().statusCode(200).body(startsWith("openapi: 3.1.0"));
        given().get("/openapi.json").then().statusCode(200).body("openapi", org.hamcrest.Matchers.equalTo("3.1.0"));
        given().get("/q/swagger-ui/index.html").then().statusCode(200).body(containsString("/openapi"));
    }
}
