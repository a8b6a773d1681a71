package cn.etdz.evaluation.simulation;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** The same bad request answers the same codes in English by default and in Chinese for {@code zh-CN}. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class AnswerLanguageTest {

    private static final String BAD_SIMULATION = """
            {"methodologyKey": "plan-2012-ETDZ@1",
             "zones": [{"code": "A", "type": "BECZ", "region": "EAST"}]}""";

    private static RequestSpecification analyst() {
        return given().header("Authorization", "Bearer " + PlatformTestResource.tokens().analyst())
                .contentType(ContentType.JSON);
    }

    @Test
    void aSimulationThatCannotRunIsExplainedInTheLanguageAskedFor() {
        analyst().body(BAD_SIMULATION).post("/api/v1/evaluations/simulate").then().statusCode(422)
                .header("Content-Language", "en")
                .body("type", equalTo("urn:etdz:problem:validation"))
                .body("title", equalTo("The request is invalid"))
                .body("detail", matchesPattern("The simulation cannot run: \\d+ problem\\(s\\)\\."))
                .body("violations.find { it.field == 'zones[0].type' }.code", equalTo("not-in-peer-group"))
                .body("violations.find { it.field == 'zones[0].type' }.message",
                        equalTo("The methodology scores ETDZ zones; A is BECZ."));

        analyst().header("Accept-Language", "zh-CN").body(BAD_SIMULATION).post("/api/v1/evaluations/simulate").then()
                .statusCode(422)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:etdz:problem:validation"))
                .body("title", equalTo("请求无效"))
                .body("detail", matchesPattern("无法进行模拟：共 \\d+ 处问题。"))
                .body("violations.find { it.field == 'zones[0].type' }.code", equalTo("not-in-peer-group"))
                .body("violations.find { it.field == 'zones[0].type' }.message",
                        equalTo("该评价方法用于 ETDZ 类开发区评分；开发区 A 属于 BECZ 类。"));
    }

    @Test
    void anUnknownMethodologyIsNotFoundInEitherLanguage() {
        analyst().get("/api/v1/methodologies/none-such@1").then().statusCode(404)
                .body("title", equalTo("Not found")).body("detail", equalTo("No methodology none-such@1."));
        analyst().header("Accept-Language", "zh").get("/api/v1/methodologies/none-such@1").then().statusCode(404)
                .header("Content-Language", "zh-CN")
                .body("title", equalTo("未找到")).body("detail", equalTo("未找到评价方法 none-such@1。"));
    }
}
