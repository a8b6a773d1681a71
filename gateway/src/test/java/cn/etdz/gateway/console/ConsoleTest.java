package cn.etdz.gateway.console;

import cn.etdz.gateway.routing.UpstreamStubResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The web console's files are served at {@code /} without a token, next to the API, the OpenAPI document and health,
 * which keep working as before; ECharts comes from its mvnpm jar under a version-free path.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class ConsoleTest {

    @Test
    void theConsoleIsServedAtTheRootWithoutAToken() {
        given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("console/app.js"));
        given().get("/console/app.js").then().statusCode(200)
                .contentType(containsString("javascript"));
        given().get("/messages/zh-CN.json").then().statusCode(200)
                .body("'nav.overview'", equalTo("概览"));
        given().get("/messages/en.json").then().statusCode(200)
                .body("'nav.overview'", equalTo("Overview"));
    }

    @Test
    void echartsIsServedFromItsJarUnderAVersionFreePath() {
        given().get("/_static/echarts/dist/echarts.esm.min.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("echarts"));
    }

    @Test
    void theApiTheOpenApiDocumentAndHealthAnswerAsBefore() {
        given().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/openapi").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aGatewayWithoutDemoIdentitiesOffersNone() {
        given().get("/console-config.json").then().statusCode(200)
                .contentType("application/json")
                .body("$", aMapWithSize(0));
    }

    @Test
    void theDocumentNamesTheDemoIdentitiesWhereTheyAreConfigured() {
        ConsoleConfig local = config(Optional.of("http://localhost:41234/demo-identities.json"), Optional.empty());
        assertThat(ConsoleSettings.document(local))
                .isEqualTo(Map.of("demoIdentitiesUrl", "http://localhost:41234/demo-identities.json"));
    }

    @Test
    void theDocumentNamesTheOpenIdConnectProviderWhereOneIsConfigured() {
        ConsoleConfig.Oidc provider = new ConsoleConfig.Oidc() {
            @Override
            public String issuer() {
                return "https://sso.example.gov.cn/realms/etdz";
            }

            @Override
            public String clientId() {
                return "etdz-console";
            }

            @Override
            public Optional<List<String>> scopes() {
                return Optional.of(List.of("openid", "profile"));
            }
        };
        assertThat(ConsoleSettings.document(config(Optional.empty(), Optional.of(provider))))
                .isEqualTo(Map.of("oidc", Map.of("issuer", "https://sso.example.gov.cn/realms/etdz",
                        "clientId", "etdz-console", "scopes", List.of("openid", "profile"))));
    }

    private static ConsoleConfig config(Optional<String> demoIdentitiesUrl, Optional<ConsoleConfig.Oidc> oidc) {
        return new ConsoleConfig() {
            @Override
            public Optional<String> demoIdentitiesUrl() {
                return demoIdentitiesUrl;
            }

            @Override
            public Optional<Oidc> oidc() {
                return oidc;
            }
        };
    }
}
