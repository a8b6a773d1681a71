package cn.etdz.gateway.health;

import cn.etdz.gateway.routing.UpstreamStubResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Metrics and detailed health are on the management port only; the public port answers a load balancer's health
 * probes with the status alone.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class ManagementInterfaceTest {

    @TestHTTPResource(value = "/metrics", management = true) // under quarkus.management.root-path, /q
    URL managementMetrics;

    @TestHTTPResource(value = "/health/ready", management = true) // under quarkus.management.root-path, /q
    URL managementReadiness;

    @Test
    void metricsAreNotServedOnThePublicPortButOnTheManagementPort() {
        given().get("/q/metrics").then().statusCode(404);
        given().get(managementMetrics).then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void thePublicPortTellsALoadBalancerTheStatusAndNothingMore() {
        for (String path : new String[]{"/q/health", "/q/health/live", "/q/health/ready"}) {
            given().get(path).then().statusCode(200)
                    .contentType("application/json")
                    .body("$", aMapWithSize(1))
                    .body("status", equalTo("UP"));
        }
        given().get(managementReadiness).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks", notNullValue());
    }
}
