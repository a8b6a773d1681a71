package cn.etdz.evaluation.scores;

import cn.etdz.evaluation.scoring.ClosedFormCase;
import cn.etdz.localstack.PlatformTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Transforms, the zero rule and imputation through the API: simulated, stored and read back, rejected when wrong. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class MethodOptionsApiTest {

    @org.junit.jupiter.api.BeforeAll
    static void readNumbersAsDoubles() {
        // doubles, not floats, whichever test class ran first: the composites are checked to 1e-12
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** {@link ClosedFormCase} as a request. */
    private static final String CLOSED_FORM = """
            {"zoneType": "ETDZ", "compositeAggregation": "GEOMETRIC", "regionGrouping": "STATISTICAL_REGIONS",
             "zeroRule": {"type": "SHIFT", "value": 1},
             "pillars": [
               {"code": "ECONOMY", "weight": 3, "aggregation": "ARITHMETIC", "indicators": [
                 {"code": "GDP", "weight": 1, "direction": "HIGHER", "transform": "LN", "normalisation": "GOALPOST",
                  "parameters": {"min": 10, "max": 10000}}]},
               {"code": "INNOVATION", "weight": 2, "aggregation": "ARITHMETIC", "indicators": [
                 {"code": "RD_CENTERS", "weight": 1, "direction": "HIGHER", "transform": "LN", "normalisation": "GOALPOST",
                  "parameters": {"min": 1, "max": 100}}]},
               {"code": "ENVIRONMENT", "weight": 2, "aggregation": "ARITHMETIC", "indicators": [
                 {"code": "ENERGY_INTENSITY", "weight": 1, "direction": "LOWER", "transform": "LN",
                  "normalisation": "GOALPOST", "parameters": {"min": 0.1, "max": 1}}]},
               {"code": "SOCIETY", "weight": 1, "aggregation": "ARITHMETIC", "indicators": [
                 {"code": "EMPLOYEES", "weight": 1, "direction": "HIGHER", "transform": "LN", "normalisation": "MINMAX"}]},
               {"code": "INSTITUTIONS", "weight": 1, "aggregation": "ARITHMETIC", "indicators": [
                 {"code": "APPROVAL_DAYS", "weight": 1, "direction": "LOWER", "transform": "LOG10",
                  "normalisation": "GOALPOST", "parameters": {"min": 1, "max": 100}}]}]}""";

    @Inject
    AgroalDataSource database;

    private static String analyst() {
        return "Bearer " + PlatformTestResource.tokens().analyst();
    }

    private static String admin() {
        return "Bearer " + PlatformTestResource.tokens().admin();
    }

    @Test
    void aSimulatedCompositeOfLoggedGoalpostsUnderAGeometricMeanFollowsItsFormula() throws Exception {
        String body = "{\"methodology\": " + CLOSED_FORM + """
                , "zones": [{"code": "A", "type": "ETDZ", "region": "EAST"}, {"code": "B", "type": "ETDZ", "region": "EAST"},
                            {"code": "C", "type": "ETDZ", "region": "EAST"}],
                  "values": {
                    "A": {"GDP": 50, "RD_CENTERS": 3, "ENERGY": 40, "EMPLOYEES": 5, "APPROVAL_DAYS": 20},
                    "B": {"GDP": 2000, "RD_CENTERS": 60, "ENERGY": 400, "EMPLOYEES": 40, "APPROVAL_DAYS": 3},
                    "C": {"GDP": 10, "RD_CENTERS": 1, "ENERGY": 10, "EMPLOYEES": 2, "APPROVAL_DAYS": 100}}}""";
        String answer = given().header("Authorization", analyst()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/evaluations/simulate").then().statusCode(200).extract().asString();

        // Jackson reads the doubles exactly as written (a JSON path reads them as floats)
        JsonNode zones = new ObjectMapper().readTree(answer).get("zones");
        assertThat(zones).extracting(zone -> zone.get("zone").asText()).containsExactly("B", "A", "C");
        for (JsonNode zone : zones) {
            String code = zone.get("zone").asText();
            assertThat(zone.get("composite").doubleValue()).as(code)
                    .isCloseTo(ClosedFormCase.composite(code), within(1e-12));
        }
    }

    /**
     * A copy of the border zones' plan with a zero rule and an explicit imputation (neither changes its arithmetic
     * means, so the other tests' border-zone rankings stay as they are) and its first indicator named by the alias LOG.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aStoredMethodologyKeepsItsOptionsAndReadsLogAsLog1p() {
        Map<String, Object> copy = new LinkedHashMap<>(given().header("Authorization", analyst())
                .get("/api/v1/methodologies/plan-2012-BECZ@1").then().statusCode(200).extract().jsonPath()
                .getMap("methodology"));
        Map<String, Object> zeroRule = (Map<String, Object>) copy.get("zeroRule");
        assertThat(zeroRule.get("type")).isEqualTo("FLOOR");
        assertThat(((Number) zeroRule.get("value")).doubleValue()).isEqualTo(1.0);
        assertThat(copy.get("imputation")).isEqualTo("NONE");
        copy.put("id", "options-becz");
        copy.remove("version");
        copy.put("zeroRule", Map.of("type", "SHIFT", "value", 2));
        copy.put("imputation", "NONE");
        List<Map<String, Object>> pillars = new ArrayList<>((List<Map<String, Object>>) copy.get("pillars"));
        Map<String, Object> economy = new LinkedHashMap<>(pillars.get(0));
        List<Map<String, Object>> indicators = new ArrayList<>((List<Map<String, Object>>) economy.get("indicators"));
        Map<String, Object> gdp = new LinkedHashMap<>(indicators.get(0));
        gdp.put("transform", "LOG");
        indicators.set(0, gdp);
        economy.put("indicators", indicators);
        pillars.set(0, economy);
        copy.put("pillars", pillars);

        given().header("Authorization", admin()).contentType(ContentType.JSON).body(copy)
                .post("/api/v1/methodologies").then().statusCode(201)
                .body("methodology.zeroRule.type", equalTo("SHIFT"))
                .body("methodology.pillars[0].indicators[0].transform", equalTo("LOG1P"));
        given().header("Authorization", analyst()).get("/api/v1/methodologies/options-becz").then().statusCode(200)
                .body("methodology.zeroRule.type", equalTo("SHIFT"))
                .body("methodology.zeroRule.value", equalTo(2.0))
                .body("methodology.imputation", equalTo("NONE"))
                .body("methodology.pillars[0].indicators[0].transform", equalTo("LOG1P"));
    }

    @Test
    void wrongOptionsAreRejectedTogetherAndNothingIsStored() throws SQLException {
        long before = count();
        String body = CLOSED_FORM.replace("{\"zoneType\"", "{\"id\": \"wrong-options\", \"imputation\": \"MEAN\", \"zoneType\"")
                .replace("\"value\": 1}", "\"value\": 0.5}")
                .replace("\"parameters\": {\"min\": 10, \"max\": 10000}", "\"parameters\": {\"min\": 0, \"max\": 10000}");
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/methodologies").then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItems("imputation", "zeroRule.value", "pillars[0].indicators[0].parameters.min"))
                .body("violations.code", hasItems("unknown-value", "invalid-zero-rule", "parameter-not-transformable"));
        assertThat(count()).isEqualTo(before);
    }

    private long count() throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from methodology")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
