package cn.etdz.evaluation.methodology;

import cn.etdz.localstack.PlatformTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class MethodologyResourceTest {

    @Inject
    AgroalDataSource database;

    @org.junit.jupiter.api.BeforeAll
    static void doubles() {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static String admin() {
        return "Bearer " + PlatformTestResource.tokens().admin();
    }

    private static String analyst() {
        return "Bearer " + PlatformTestResource.tokens().analyst();
    }

    @Test
    void plan2012IsSeededForBothZoneTypes() {
        given().header("Authorization", analyst()).get("/api/v1/methodologies").then().statusCode(200)
                .body("key", hasItems("plan-2012-ETDZ@1", "plan-2012-BECZ@1"));
        given().header("Authorization", analyst()).get("/api/v1/methodologies/plan-2012-ETDZ@1").then().statusCode(200)
                .body("zoneType", equalTo("ETDZ"))
                .body("methodology.pillars.code", org.hamcrest.Matchers.contains(
                        "ECONOMY", "INNOVATION", "ENVIRONMENT", "SOCIETY", "INSTITUTIONS"))
                .body("methodology.pillars.weight", org.hamcrest.Matchers.contains(30.0, 25.0, 20.0, 15.0, 10.0));
        given().header("Authorization", analyst()).get("/api/v1/methodologies/plan-2012-ETDZ@99")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPostedMethodologyIsANewVersionAndEarlierVersionsStayAsTheyWere() {
        Map<String, Object> definition = given().header("Authorization", analyst())
                .get("/api/v1/methodologies/plan-2012-BECZ@1").then().statusCode(200).extract().jsonPath()
                .getMap("methodology");
        Map<String, Object> request = new HashMap<>(definition);
        request.put("id", "what-if-becz");
        request.remove("version");

        given().header("Authorization", admin()).contentType(ContentType.JSON).body(request)
                .post("/api/v1/methodologies").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/methodologies/what-if-becz@1"))
                .body("key", equalTo("what-if-becz@1")).body("version", equalTo(1)).body("active", equalTo(true));

        // the second post changes the economy weight: a new version, the first one unchanged
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pillars = new ArrayList<>((List<Map<String, Object>>) request.get("pillars"));
        Map<String, Object> economy = new HashMap<>(pillars.get(0));
        economy.put("weight", 40);
        pillars.set(0, economy);
        request.put("pillars", pillars);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(request)
                .post("/api/v1/methodologies").then().statusCode(201)
                .body("key", equalTo("what-if-becz@2")).body("methodology.pillars[0].weight", equalTo(40.0));

        given().header("Authorization", analyst()).get("/api/v1/methodologies/what-if-becz@1").then().statusCode(200)
                .body("methodology.pillars[0].weight", equalTo(30.0)).body("active", equalTo(false));
        given().header("Authorization", analyst()).get("/api/v1/methodologies/what-if-becz").then().statusCode(200)
                .body("key", equalTo("what-if-becz@2")).body("active", equalTo(true));
        given().header("Authorization", analyst()).get("/api/v1/methodologies/plan-2012-BECZ@1").then()
                .body("active", equalTo(false));

        // an id scores one zone type
        request.put("zoneType", "ETDZ");
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(request)
                .post("/api/v1/methodologies").then().statusCode(422)
                .body("violations.code", hasItems("zone-type-mismatch", "not-applicable"));
    }

    @Test
    void anInvalidMethodologyIsRejectedWithEveryProblemListed() throws SQLException {
        long before = count();
        String body = """
                {"id": "Bad Id!", "zoneType": "XX", "compositeAggregation": "MEDIAN",
                 "pillars": [{"code": "ECONOMY", "weight": -1, "aggregation": "ARITHMETIC", "indicators": [
                     {"code": "NOPE", "weight": 1, "direction": "HIGHER", "normalisation": "MINMAX"},
                     {"code": "GDP", "weight": 1, "direction": "UP", "normalisation": "TARGET"}]}]}""";
        var violations = given().header("Authorization", admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/methodologies").then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .extract().jsonPath();
        assertThat(violations.getList("violations.field", String.class)).contains(
                "id", "zoneType", "compositeAggregation", "pillars[0].weight", "pillars[0].indicators[0].code",
                "pillars[0].indicators[1].direction", "pillars[0].indicators[1].parameters.target", "pillars");
        assertThat(violations.getList("violations.code", String.class)).contains(
                "invalid-format", "unknown-value", "non-positive-weight", "unknown-indicator", "missing-parameter",
                "missing-pillar");
        assertThat(violations.getList("violations.findAll { it.code == 'missing-pillar' }")).hasSize(4);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyAdminsPostMethodologies() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/methodologies").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", analyst()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/methodologies").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", admin()).contentType(ContentType.JSON).body("{\"id\": ")
                .post("/api/v1/methodologies").then().statusCode(400).contentType("application/problem+json");
    }

    private long count() throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from methodology")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
