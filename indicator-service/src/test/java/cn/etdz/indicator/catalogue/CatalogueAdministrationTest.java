package cn.etdz.indicator.catalogue;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.EventTypes;
import cn.etdz.common.events.IndicatorDefined;
import cn.etdz.localstack.PlatformTestResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static cn.etdz.indicator.IndicatorTestSupport.addIndicator;
import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.indicator;
import static cn.etdz.indicator.IndicatorTestSupport.readTopic;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Indicators administrators add and change: who may, validation, publication, and the submissions that follow. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class CatalogueAdministrationTest {

    @Inject
    ObjectMapper json;

    private static String newCode() {
        return "T_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Three required values of the plan and, when given, one of the indicator. */
    private static String submission(String zone, String indicator, Object value) {
        String extra = indicator == null ? "" : ", {\"indicator\": \"%s\", \"value\": %s}".formatted(indicator, value);
        return """
                {"zone": "%s", "period": "2016", "values": [{"indicator": "GDP", "value": 100},
                 {"indicator": "TAX", "value": 10}, {"indicator": "EMPLOYEES", "value": 5}%s]}""".formatted(zone, extra);
    }

    @Test
    void anAdminAddsAnIndicatorThatTheCatalogueThenShows() {
        String code = newCode();
        as(tokens().admin()).body("""
                        {"code": "%s", "name": "绿地面积", "nameEn": "Green area", "unit": "公顷", "pillar": "greenDevelopment",
                         "valueType": "NUMBER", "minValue": 0, "appliesTo": ["ETDZ", "BECZ"]}""".formatted(code))
                .post("/api/v1/indicators")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/indicators/" + code))
                .body("code", equalTo(code))
                .body("pillar", equalTo("greenDevelopment"))
                .body("maxValue", nullValue())
                .body("required", equalTo(false))
                .body("origin", equalTo("ADMIN"));

        as(tokens().submitter("320000")).get("/api/v1/indicators/" + code)
                .then().statusCode(200).body("name", equalTo("绿地面积")).body("unit", equalTo("公顷"))
                .body("appliesTo", contains("ETDZ", "BECZ"));
        as(tokens().analyst()).queryParam("pillar", "greenDevelopment").get("/api/v1/indicators")
                .then().statusCode(200).body("code", contains(code));
        as(tokens().analyst()).get("/api/v1/indicators/GDP").then().body("origin", equalTo("PLAN"));
    }

    @Test
    void onlyAnAdminAddsOrChangesIndicators() {
        String existing = addIndicator("WHO");
        for (String token : List.of(tokens().analyst(), tokens().submitter("320000"), tokens().reviewer("320000"))) {
            String code = newCode();
            as(token).body(indicator(code, "PERCENT", 0, 100, "[\"ETDZ\"]", false)).post("/api/v1/indicators")
                    .then().statusCode(403).contentType("application/problem+json");
            as(token).body(indicator(existing, "PERCENT", 0, 50, "[\"ETDZ\"]", true)).put("/api/v1/indicators/" + existing)
                    .then().statusCode(403).contentType("application/problem+json");
            as(tokens().admin()).get("/api/v1/indicators/" + code).then().statusCode(404);
        }
        given().contentType(ContentType.JSON).body(indicator(newCode(), "PERCENT", 0, 100, "[\"ETDZ\"]", false))
                .post("/api/v1/indicators").then().statusCode(401).contentType("application/problem+json");
        as(tokens().admin()).get("/api/v1/indicators/" + existing)
                .then().body("maxValue", equalTo(100.0f)).body("required", equalTo(false));
    }

    @Test
    void anInvalidIndicatorIsRefusedWithEveryViolationInEnglishAndChinese() {
        String body = """
                {"code": "green-area", "name": "", "nameEn": "%s", "pillar": "1st", "valueType": "SHARE",
                 "minValue": 5, "maxValue": 1, "appliesTo": ["ETDZ", "SEZ", "ETDZ"]}""".formatted("x".repeat(201));
        as(tokens().admin()).body(body).post("/api/v1/indicators")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("code", "name", "nameEn", "unit", "pillar", "valueType",
                        "maxValue", "appliesTo[1]", "appliesTo[2]"))
                .body("violations.find { it.field == 'code' }.message", containsString("GREEN_AREA"))
                .body("violations.find { it.field == 'maxValue' }.code", equalTo("out-of-range"));
        as(tokens().admin()).header("Accept-Language", "zh-CN").body(body).post("/api/v1/indicators")
                .then().statusCode(422)
                .body("detail", equalTo("指标有误，未作任何更改。"))
                .body("violations.find { it.field == 'code' }.message", containsString("大写字母"));
        as(tokens().admin()).body(indicator(newCode(), "YES_NO", 0, 2, "[\"ETDZ\"]", false)).post("/api/v1/indicators")
                .then().statusCode(422).body("violations.code", contains("out-of-range"))
                .body("violations.message", contains("A yes/no indicator takes 0 or 1: its range is 0 to 1."));
        as(tokens().admin()).body("""
                        {"code": "%s", "name": "研发机构数", "nameEn": "R&D institutes", "unit": "个", "pillar": "innovation",
                         "valueType": "COUNT", "minValue": 0.5, "appliesTo": ["ETDZ"]}""".formatted(newCode()))
                .post("/api/v1/indicators").then().statusCode(422).body("violations.field", contains("minValue"));
        as(tokens().admin()).get("/api/v1/indicators").then().body("code", org.hamcrest.Matchers.not(hasItem("green-area")));
    }

    @Test
    void aTakenCodeIsAConflictAndThePlansIndicatorsStayAsTheyAre() {
        String code = addIndicator("DUP");
        as(tokens().admin()).body(indicator(code, "NUMBER", 0, 10, "[\"BECZ\"]", false)).post("/api/v1/indicators")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(code));
        as(tokens().admin()).body(indicator("GDP", "NUMBER", 0, 10, "[\"BECZ\"]", false)).post("/api/v1/indicators")
                .then().statusCode(409);
        as(tokens().admin()).body(indicator("GDP", "NUMBER", 0, 10, "[\"BECZ\"]", false)).put("/api/v1/indicators/GDP")
                .then().statusCode(409).body("detail", containsString("plan"));
        as(tokens().admin()).body(indicator("NOPE", "NUMBER", 0, 10, "[\"BECZ\"]", false)).put("/api/v1/indicators/NOPE")
                .then().statusCode(404);
        as(tokens().analyst()).get("/api/v1/indicators/GDP").then().body("appliesTo", contains("ETDZ", "BECZ"))
                .body("unit", equalTo("亿元"));
        as(tokens().analyst()).get("/api/v1/indicators/" + code).then().body("appliesTo", contains("ETDZ"));
    }

    @Test
    void eachAdditionAndChangeIsPublishedToIndicatorsV1() throws Exception {
        String code = addIndicator("PUB");
        as(tokens().admin()).body(indicator(code, "PERCENT", 0, 80, "[\"ETDZ\", \"BECZ\"]", false))
                .put("/api/v1/indicators/" + code)
                .then().statusCode(200).body("maxValue", equalTo(80.0f)).body("appliesTo", contains("ETDZ", "BECZ"));

        List<ConsumerRecord<String, String>> records = readTopic("indicators.v1", 0).stream()
                .filter(record -> record.key().equals(code)).toList();
        assertThat(records).hasSize(2);
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
            assertThat(envelope.type()).isEqualTo(EventTypes.INDICATOR_DEFINED);
            assertThat(envelope.subject()).isEqualTo(code);
        }
        IndicatorDefined added = json.readValue(records.get(0).value(), IndicatorDefined.class);
        IndicatorDefined changed = json.readValue(records.get(1).value(), IndicatorDefined.class);
        assertThat(added).isEqualTo(new IndicatorDefined(code, "绿化覆盖率", "Green coverage", "%", "environment",
                "PERCENT", 0, 100.0, List.of("ETDZ"), false));
        assertThat(changed.maxValue()).isEqualTo(80.0);
        assertThat(changed.appliesTo()).containsExactly("ETDZ", "BECZ");
    }

    @Test
    void submissionsAreCheckedAgainstTheNewIndicatorAtOnce() {
        String code = addIndicator("SUB");
        String zone = registerZone("NEWIND", "ETDZ", "320000");
        String border = registerZone("NEWINDB", "BECZ", "230000");

        as(tokens().submitter("320000")).body(submission(zone, code, 101)).post("/api/v1/submissions")
                .then().statusCode(422)
                .body("violations.find { it.field == 'values[3].value' }.code", equalTo("out-of-range"))
                .body("violations.find { it.field == 'values[3].value' }.message", containsString("100"));
        as(tokens().submitter("230000")).body(submission(border, code, 50)).post("/api/v1/submissions")
                .then().statusCode(422)
                .body("violations.find { it.field == 'values[3].indicator' }.code", equalTo("not-applicable"));
        as(tokens().submitter("320000")).body(submission(zone, code, 42.5)).post("/api/v1/submissions")
                .then().statusCode(201);
        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions")
                .then().body("items[0].values.find { it.indicator == '%s' }.value".formatted(code), equalTo(42.5f));

        as(tokens().admin()).body(indicator(code, "PERCENT", 0, 100, "[\"ETDZ\"]", true)).put("/api/v1/indicators/" + code)
                .then().statusCode(200).body("required", equalTo(true));
        try {
            as(tokens().submitter("320000")).body(submission(zone, null, null)).post("/api/v1/submissions")
                    .then().statusCode(422)
                    .body("violations.find { it.code == 'missing-required' }.message", containsString(code));
            as(tokens().submitter("230000")).body(submission(border, null, null)).post("/api/v1/submissions")
                    .then().statusCode(201);
        } finally {
            as(tokens().admin()).body(indicator(code, "PERCENT", 0, 100, "[\"ETDZ\"]", false))
                    .put("/api/v1/indicators/" + code).then().statusCode(200);
        }
    }

    @Test
    void aCsvBatchCarriesTheNewIndicator() {
        String code = addIndicator("CSV");
        String zone = registerZone("NEWCSV", "ETDZ", "320000");
        String csv = """
                zone,period,indicator,value,note
                %1$s,2016,GDP,38.5,
                %1$s,2016,TAX,4.1,
                %1$s,2016,EMPLOYEES,2.2,
                %1$s,2016,%2$s,33.3,园林局
                """.formatted(zone, code);
        as(tokens().submitter("320000")).contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/submissions/batch")
                .then().statusCode(200).body("accepted", equalTo(1));
        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions")
                .then().body("items[0].values.indicator", hasItem(code))
                .body("items[0].values.find { it.indicator == '%s' }.note".formatted(code), equalTo("园林局"));
    }

    @Test
    void theValueTypeChangesOnlyWhileNoRevisionHoldsAValue() {
        String code = addIndicator("TYPE");
        as(tokens().admin()).body(indicator(code, "COUNT", 0, 1000, "[\"ETDZ\"]", false)).put("/api/v1/indicators/" + code)
                .then().statusCode(200).body("valueType", equalTo("COUNT"));
        String zone = registerZone("NEWTYPE", "ETDZ", "320000");
        as(tokens().submitter("320000")).body(submission(zone, code, 2.5)).post("/api/v1/submissions")
                .then().statusCode(422).body("violations.code", contains("not-a-count"));
        as(tokens().submitter("320000")).body(submission(zone, code, 3)).post("/api/v1/submissions").then().statusCode(201);

        as(tokens().admin()).body(indicator(code, "NUMBER", 0, 1000, "[\"ETDZ\"]", false)).put("/api/v1/indicators/" + code)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("COUNT"));
        as(tokens().admin()).body(indicator(code, "COUNT", 0, 5000, "[\"ETDZ\"]", false)).put("/api/v1/indicators/" + code)
                .then().statusCode(200).body("maxValue", equalTo(5000.0f));
    }
}
