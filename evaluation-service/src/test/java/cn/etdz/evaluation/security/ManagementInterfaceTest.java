package cn.etdz.evaluation.security;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Metrics and health are served on the management port only, never on the public one. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class ManagementInterfaceTest {

    @TestHTTPResource(value = "/metrics", management = true) // under quarkus.management.root-path, /q
    URL metrics;

    @TestHTTPResource(value = "/health/ready", management = true) // under quarkus.management.root-path, /q
    URL readiness;

    @Test
    void metricsAndHealthAreOnTheManagementPortOnly() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theApiDocumentStaysOnThePublicPortForTheGateway() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
    }
}
