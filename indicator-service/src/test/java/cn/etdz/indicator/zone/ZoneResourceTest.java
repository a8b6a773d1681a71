package cn.etdz.indicator.zone;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static cn.etdz.indicator.IndicatorTestSupport.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class ZoneResourceTest {

    @Test
    void anAdminRegistersAZoneWhoseRegionFollowsItsProvince() {
        String code = uniqueCode("SZ");
        as(tokens().admin())
                .body("""
                        {"code": "%s", "name": "苏州工业园区", "nameEn": "Suzhou Industrial Park", "type": "ETDZ",
                         "province": "320000", "approvedOn": "1994-02-15", "developedAreaKm2": 80.5}""".formatted(code))
                .post("/api/v1/zones")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("code", equalTo(code))
                .body("region", equalTo("EAST"))
                .body("status", equalTo("ACTIVE"))
                .body("approvedOn", equalTo("1994-02-15"));

        as(tokens().submitter("320000")).get("/api/v1/zones/" + code)
                .then().statusCode(200).body("name", equalTo("苏州工业园区"));
    }

    @Test
    void anInvalidZoneIsRejectedWithEveryViolation() {
        as(tokens().admin())
                .body("""
                        {"code": "lower case", "type": "FREE", "province": "999999"}""")
                .post("/api/v1/zones")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("violations.field", containsInAnyOrder("code", "name", "type", "province"));
    }

    @Test
    void aDevelopedAreaThatIsNotAFiniteNonNegativeNumberIsRefusedAndNothingChanges() {
        String code = registerZone("AREA", "BECZ", "530000");
        as(tokens().admin())
                .body("""
                        {"name": "瑞丽", "type": "BECZ", "province": "530000", "developedAreaKm2": 80.5}""")
                .put("/api/v1/zones/" + code).then().statusCode(200);
        // 1e309 is beyond a double: JSON parsers read it as infinity, which no scoring can divide by
        for (String area : List.of("1e309", "-1e309", "-0.5")) {
            as(tokens().admin())
                    .body("""
                            {"name": "瑞丽", "type": "BECZ", "province": "530000", "developedAreaKm2": %s}""".formatted(area))
                    .put("/api/v1/zones/" + code)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("violations.field", contains("developedAreaKm2"));
        }
        as(tokens().admin()).get("/api/v1/zones/" + code).then().statusCode(200)
                .body("developedAreaKm2", equalTo(80.5f));
    }

    @Test
    void registeringTheSameCodeTwiceIsAConflict() {
        String code = registerZone("DUP", "BECZ", "530000");
        as(tokens().admin())
                .body("""
                        {"code": "%s", "name": "瑞丽", "type": "BECZ", "province": "530000"}""".formatted(code))
                .post("/api/v1/zones")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void onlyAdminsManageZonesAndEveryoneNeedsAToken() {
        as(tokens().submitter("320000"))
                .body("""
                        {"code": "X-1", "name": "x", "type": "ETDZ", "province": "320000"}""")
                .post("/api/v1/zones")
                .then().statusCode(403).contentType("application/problem+json").body("title", equalTo("Forbidden"));

        given().get("/api/v1/zones")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));

        given().header("Authorization", "Bearer not-a-token").get("/api/v1/zones")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anAdminUpdatesAZone() {
        String code = registerZone("UPD", "ETDZ", "420000");
        as(tokens().admin())
                .body("""
                        {"name": "武汉经济技术开发区", "type": "ETDZ", "province": "420000", "status": "WARNED"}""")
                .put("/api/v1/zones/" + code)
                .then().statusCode(200)
                .body("status", equalTo("WARNED"))
                .body("region", equalTo("CENTRAL"));

        as(tokens().admin()).body("{\"name\":\"x\",\"type\":\"ETDZ\",\"province\":\"420000\"}")
                .put("/api/v1/zones/NO-SUCH-ZONE")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void zonesAreFilteredByProvinceTypeAndRegion() {
        String west = registerZone("FILTER", "BECZ", "650000");
        as(tokens().analyst()).queryParam("province", "650000").queryParam("type", "BECZ").get("/api/v1/zones")
                .then().statusCode(200)
                .body("items.code", hasItem(west))
                .body("items.province", everyItem(equalTo("650000")));
        as(tokens().analyst()).queryParam("region", "WEST").queryParam("size", 500).get("/api/v1/zones")
                .then().statusCode(200).body("items.region", everyItem(equalTo("WEST")));
        as(tokens().analyst()).queryParam("region", "SOUTH").get("/api/v1/zones")
                .then().statusCode(400).body("violations.field", contains("region"));
        as(tokens().analyst()).queryParam("size", 0).get("/api/v1/zones")
                .then().statusCode(400).body("violations.field", contains("size"));
    }
}
