package cn.etdz.indicator.submission;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.submission;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * The same request answers the same codes with English texts by default and Chinese texts for
 * {@code Accept-Language: zh-CN}, in problems and in the warnings and violations of successful answers.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class AnswerLanguageTest {

    private static final String BAD = """
            {"zone": "%s", "period": "2015",
             "values": [{"indicator": "GDP", "value": -5}, {"indicator": "EMPLOYEES", "value": 1}]}""";

    @Test
    void aRejectedSubmissionIsExplainedInTheLanguageAskedFor() {
        String zone = registerZone("LANG", "ETDZ", "320000");
        String token = tokens().submitter("320000");

        as(token).body(BAD.formatted(zone)).post("/api/v1/submissions").then().statusCode(422)
                .header("Content-Language", "en")
                .body("type", equalTo("urn:etdz:problem:validation"))
                .body("title", equalTo("The request is invalid"))
                .body("detail", equalTo("The submission was rejected; nothing was stored."))
                .body("violations.code", contains("out-of-range", "missing-required"))
                .body("violations.message", contains("GDP is at least 0 亿元; got -5.", "TAX is required for a ETDZ."));

        as(token).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").body(BAD.formatted(zone))
                .post("/api/v1/submissions").then().statusCode(422)
                .header("Content-Language", "zh-CN")
                .header("Vary", containsString("Accept-Language"))
                .body("type", equalTo("urn:etdz:problem:validation"))
                .body("title", equalTo("请求无效"))
                .body("detail", equalTo("报送被拒绝，未保存任何数据。"))
                .body("violations.field", contains("values[0].value", "values"))
                .body("violations.code", contains("out-of-range", "missing-required"))
                .body("violations.message", contains("指标 GDP 必须大于或等于 0 亿元，实际为 -5。",
                        "ETDZ 类开发区的指标 TAX 为必填项。"));
    }

    @Test
    void notFoundAndBadParametersAreInChineseToo() {
        as(tokens().analyst()).header("Accept-Language", "zh-Hans").get("/api/v1/zones/SUZHOU-IP-NONE").then()
                .statusCode(404).header("Content-Language", "zh-CN")
                .body("title", equalTo("未找到")).body("detail", equalTo("未找到开发区 SUZHOU-IP-NONE。"));
        as(tokens().analyst()).get("/api/v1/zones/SUZHOU-IP-NONE").then().statusCode(404)
                .body("title", equalTo("Not found")).body("detail", equalTo("There is no zone SUZHOU-IP-NONE."));
        as(tokens().analyst()).header("Accept-Language", "zh").queryParam("size", "0").get("/api/v1/submissions").then()
                .statusCode(400).body("violations.code", contains("out-of-range"))
                .body("violations.message", contains("每页条数须在 1 到 500 之间。"));
    }

    @Test
    void warningsOfAnAcceptedSubmissionAreStoredAsKeysAndReadInTheReadersLanguage() {
        String zone = registerZone("LANGW", "ETDZ", "320000");
        String token = tokens().submitter("320000");
        as(token).body(submission(zone, "2010", 100)).post("/api/v1/submissions").then().statusCode(201);

        as(token).header("Accept-Language", "zh-CN").queryParam("dryRun", "true").body(submission(zone, "2011", 200))
                .post("/api/v1/submissions").then().statusCode(200).header("Content-Language", "zh-CN")
                .header("Vary", containsString("Accept-Language"))
                .body("warnings.code", hasItem("large-change"))
                .body("warnings.message", hasItem("指标 GDP 较 2010 年变动 +100%（100 → 200）。"));
        int id = as(token).header("Accept-Language", "zh-CN").body(submission(zone, "2011", 200))
                .post("/api/v1/submissions").then().statusCode(201)
                .body("warnings.message", hasItem("指标 GDP 较 2010 年变动 +100%（100 → 200）。"))
                .extract().path("id");

        english(as(tokens().analyst()).get("/api/v1/submissions/" + id).then().statusCode(200));
        as(tokens().analyst()).header("Accept-Language", "zh-CN").get("/api/v1/submissions/" + id).then()
                .statusCode(200).header("Content-Language", "zh-CN")
                .body("warnings.code", hasItem("large-change"))
                .body("warnings.message", hasItem("指标 GDP 较 2010 年变动 +100%（100 → 200）。"));
        as(tokens().analyst()).header("Accept-Language", "zh-CN").queryParam("zone", zone).queryParam("period", "2011")
                .get("/api/v1/submissions").then().statusCode(200)
                .body("items[0].warnings.message", hasItem("指标 GDP 较 2010 年变动 +100%（100 → 200）。"));
    }

    @Test
    void eachItemOfABatchIsExplainedInTheLanguageAskedFor() {
        String zone = registerZone("LANGB", "ETDZ", "320000");
        String body = """
                {"submissions": [%s, %s]}""".formatted(submission(zone, "2012", 100), BAD.formatted(zone));

        as(tokens().submitter("320000")).header("Accept-Language", "zh-CN").queryParam("dryRun", "true").body(body)
                .post("/api/v1/submissions/batch").then().statusCode(200).header("Content-Language", "zh-CN")
                .body("results.status", contains("VALID", "REJECTED"))
                .body("results[1].violations.code", contains("out-of-range", "missing-required"))
                .body("results[1].violations.message", contains("指标 GDP 必须大于或等于 0 亿元，实际为 -5。",
                        "ETDZ 类开发区的指标 TAX 为必填项。"));
        as(tokens().submitter("320000")).queryParam("dryRun", "true").body(body)
                .post("/api/v1/submissions/batch").then().statusCode(200).header("Content-Language", "en")
                .body("results[1].violations.message", contains("GDP is at least 0 亿元; got -5.",
                        "TAX is required for a ETDZ."));
    }

    @Test
    void aReplayedBatchIsAnsweredInTheLanguageOfTheReplay() {
        String zone = registerZone("LANGR", "ETDZ", "320000");
        String token = tokens().submitter("320000");
        as(token).body(submission(zone, "2010", 100)).post("/api/v1/submissions").then().statusCode(201);
        String batch = """
                {"submissions": [%s]}""".formatted(submission(zone, "2011", 200));
        String key = "lang-" + zone;

        int id = as(token).header("Idempotency-Key", key).body(batch).post("/api/v1/submissions/batch").then()
                .statusCode(200).header("Content-Language", "en")
                .body("results[0].warnings.message", hasItem("GDP changed by +100 % against 2010 (100 → 200)."))
                .extract().path("results[0].id");
        as(token).header("Idempotency-Key", key).header("Accept-Language", "zh-CN").body(batch)
                .post("/api/v1/submissions/batch").then().statusCode(200).header("Content-Language", "zh-CN")
                .body("results[0].id", equalTo(id))
                .body("results[0].warnings.code", hasItem("large-change"))
                .body("results[0].warnings.message", hasItem("指标 GDP 较 2010 年变动 +100%（100 → 200）。"));
    }

    @Test
    void aViolationKeepsItsPublicShapeWithoutTheMessageKey() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.Violation.properties.keySet()", containsInAnyOrder("field", "code", "message"))
                .body("components.schemas", not(hasKey("Message")));
    }

    private static void english(ValidatableResponse response) {
        response.header("Content-Language", "en")
                .body("warnings.code", hasItem("large-change"))
                .body("warnings.message", hasItem("GDP changed by +100 % against 2010 (100 → 200)."));
    }
}
