package cn.etdz.evaluation.scores;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/** Input a client can send that once reached the database or overflowed: each is a 400 problem naming it. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class BadQueryTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + PlatformTestResource.tokens().admin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "1899-12-31T00:00:00Z"})
    void anAsOfOutsideItsYearsIsA400OnEveryScoreEndpoint(String asOf) {
        for (String path : new String[]{"/api/v1/scores/SUZHOU-IP/2015", "/api/v1/scores/SUZHOU-IP",
                "/api/v1/scores/SUZHOU-IP/2015/explanation", "/api/v1/scores?period=2015&zoneType=ETDZ",
                "/api/v1/flags?period=2015"}) {
            admin().queryParam("asOf", asOf).get(path)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:etdz:problem:bad-request"))
                    .body("violations.field", contains("asOf"))
                    .body("violations.code", contains("out-of-range"));
        }
    }

    @Test
    void aNulInAPathSegmentIsA400NamingTheSegment() {
        admin().get("/api/v1/scores/{zone}/2015", "\u0000")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("zone"))
                .body("violations.code", contains("control-character"));
        admin().get("/api/v1/methodologies/{key}", "plan\u0000@1")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("key"));
        admin().queryParam("province", "\u0000").get("/api/v1/scores?period=2015&zoneType=ETDZ")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("province"));
    }

    @Test
    void aNulInAMethodologyIsRefusedAndNothingIsStored() {
        admin().contentType(ContentType.JSON)
                .body("""
                        {"id": "nul\\u0000method", "zoneType": "ETDZ", "compositeAggregation": "ARITHMETIC",
                         "pillars": [{"code": "ECONOMY", "weight": 100, "aggregation": "ARITHMETIC",
                                      "indicators": [{"code": "GDP", "weight": 100, "direction": "HIGHER",
                                                      "normalisation": "MINMAX"}]}]}""")
                .post("/api/v1/methodologies")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("id"))
                .body("violations.code", contains("control-character"));
        admin().get("/api/v1/methodologies").then().statusCode(200)
                .body("key", not(hasItem(org.hamcrest.Matchers.startsWith("nul"))));
    }

    @Test
    void aControlCharacterInAMapKeyOfASimulationIsNamed() {
        admin().contentType(ContentType.JSON)
                .body("""
                        {"methodologyKey": "plan-2012-ETDZ@1", "zones": [{"code": "A", "type": "ETDZ", "region": "EAST"}],
                         "values": {"A\\u0001": {"GDP": 1.0}}}""")
                .post("/api/v1/evaluations/simulate")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.code", contains("control-character"));
    }
}
