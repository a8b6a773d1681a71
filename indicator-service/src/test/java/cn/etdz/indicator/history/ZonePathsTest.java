package cn.etdz.indicator.history;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.submission;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * Two resource classes serve {@code /api/v1/zones}: the registry ({@code zone.ZoneResource}) and a zone's history
 * ({@code ZoneHistoryResource}). Every path under it answers as one resource would: each method found, a wrong verb
 * 405, an unknown path or zone 404, and one "Zones" tag in the OpenAPI document.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class ZonePathsTest {

    @Test
    void registryAndHistoryAnswerUnderOneZonePath() {
        String zone = registerZone("PATHS", "ETDZ", "320000");
        as(tokens().submitter("320000")).body(submission(zone, "2014", 100)).post("/api/v1/submissions")
                .then().statusCode(201);
        String analyst = tokens().analyst();

        as(analyst).queryParam("province", "320000").queryParam("size", "500").get("/api/v1/zones")
                .then().statusCode(200).body("items.code", hasItem(zone));
        as(analyst).get("/api/v1/zones/" + zone).then().statusCode(200).body("code", equalTo(zone));
        as(analyst).get("/api/v1/zones/" + zone + "/revisions").then().statusCode(200).body("revision", contains(1));
        as(analyst).get("/api/v1/zones/" + zone + "/values").then().statusCode(200)
                .body("zone", equalTo(zone)).body("series.indicator", hasItem("GDP"));
        as(tokens().admin()).body("""
                {"name": "测试开发区", "type": "ETDZ", "province": "320000"}""")
                .put("/api/v1/zones/" + zone).then().statusCode(200);
    }

    @Test
    void wrongVerbsAre405AndUnknownPathsOrZones404() {
        String analyst = tokens().analyst();
        String zone = registerZone("VERBS", "ETDZ", "320000");

        as(analyst).delete("/api/v1/zones/" + zone + "/revisions").then().statusCode(405);
        as(analyst).body("{}").post("/api/v1/zones/" + zone + "/values").then().statusCode(405);
        as(analyst).delete("/api/v1/zones/" + zone).then().statusCode(405);
        as(analyst).get("/api/v1/zones/" + zone + "/unknown").then().statusCode(404);
        as(analyst).get("/api/v1/zones/NO-SUCH-ZONE/revisions").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        as(analyst).get("/api/v1/zones/NO-SUCH-ZONE/values").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        as(analyst).get("/api/v1/zones/NO-SUCH-ZONE").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theOpenApiDocumentKeepsOperationIdsAndOneZonesTag() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/zones/{code}/revisions'.get.operationId", equalTo("listZoneRevisions"))
                .body("paths.'/api/v1/zones/{code}/revisions'.get.tags", contains("Zones"))
                .body("paths.'/api/v1/zones/{code}/values'.get.operationId", equalTo("getZoneValues"))
                .body("paths.'/api/v1/zones/{code}/values'.get.tags", contains("Zones"))
                .body("paths.'/api/v1/zones/{code}'.get.operationId", equalTo("getZone"))
                .body("tags.findAll { it.name == 'Zones' }", hasSize(1))
                .body("tags.find { it.name == 'Zones' }.description", equalTo("The registry of national zones"));
    }
}
