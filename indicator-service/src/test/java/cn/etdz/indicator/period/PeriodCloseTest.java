package cn.etdz.indicator.period;

import cn.etdz.indicator.workbook.WorkbookResource;
import cn.etdz.localstack.PlatformTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.readTopic;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.submission;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Closing and reopening periods. Each test uses a period no other test of the service submits for (2004, 2005), since
 * a period's state is shared by every zone.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class PeriodCloseTest {

    private static final String PROVINCE = "360000";

    @Test
    void aClosedPeriodRefusesANewRevisionOnEveryPathAndTakesItAfterReopening() throws IOException {
        String period = "2004";
        String zone = registerZone("CLOSE", "ETDZ", PROVINCE);
        String submitter = tokens().submitter(PROVINCE);
        as(submitter).body(submission(zone, period, 50)).post("/api/v1/submissions").then().statusCode(201);
        byte[] workbook = filledWorkbook(zone, period);

        as(tokens().admin()).body("""
                        {"reason": "2004 official ranking published"}""")
                .post("/api/v1/periods/" + period + "/close").then().statusCode(200)
                .body("period", equalTo(period))
                .body("state", equalTo("CLOSED"))
                .body("changedBy", equalTo("demo-admin"))
                .body("reason", equalTo("2004 official ranking published"))
                .body("transitions.from", contains("OPEN"))
                .body("transitions.to", contains("CLOSED"));

        Map<String, Supplier<ValidatableResponse>> paths = Map.of(
                "single", () -> as(submitter).body(submission(zone, period, 51)).post("/api/v1/submissions").then(),
                "dry run", () -> as(submitter).body(submission(zone, period, 51)).queryParam("dryRun", "true")
                        .post("/api/v1/submissions").then(),
                "amendment", () -> as(submitter).body("""
                                {"zone": "%s", "period": "%s", "mode": "AMEND", "values": [{"indicator": "GDP", "value": 52}]}"""
                                .formatted(zone, period)).post("/api/v1/submissions").then(),
                "batch", () -> as(submitter).body("{\"submissions\": [" + submission(zone, "2015", 10) + ", "
                        + submission(zone, period, 51) + "]}").post("/api/v1/submissions/batch").then(),
                "csv", () -> as(submitter).contentType("text/csv")
                        .body("zone,period,indicator,value,note\n" + zone + "," + period + ",GDP,53,\n")
                        .queryParam("mode", "AMEND").post("/api/v1/submissions/batch").then(),
                "workbook", () -> as(submitter).contentType(WorkbookResource.XLSX).body(workbook)
                        .post("/api/v1/submissions/workbook").then());
        paths.forEach((path, request) -> request.get().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:etdz:problem:period-closed"))
                .body("detail", containsString("Period 2004 is closed"))
                .body("detail", containsString("POST /api/v1/periods/2004/reopen"))
                .body("violations.field", contains("period")));
        as(submitter).header("Accept-Language", "zh-CN").body(submission(zone, period, 51)).post("/api/v1/submissions")
                .then().statusCode(409).body("title", equalTo("年度已关闭"));
        // nothing of any refused request was stored, not even the batch's submission of an open period
        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions").then().body("total", equalTo(1));

        as(tokens().admin()).body("""
                        {"reason": "correction of GDP after publication"}""")
                .post("/api/v1/periods/" + period + "/reopen").then().statusCode(200)
                .body("state", equalTo("REOPENED"))
                .body("transitions.to", contains("CLOSED", "REOPENED"));
        paths.get("amendment").get().statusCode(201).body("revision", equalTo(2));
        paths.get("workbook").get().statusCode(200).body("results.status", contains("ACCEPTED"));

        JsonPath periods = as(tokens().submitter(PROVINCE)).get("/api/v1/periods").then().statusCode(200).extract().jsonPath();
        Map<String, Object> state = periods.getMap("find { it.period == '2004' }");
        assertThat(state).containsEntry("state", "REOPENED").containsEntry("changedBy", "demo-admin")
                .containsEntry("reason", "correction of GDP after publication");
        assertThat(periods.getList("find { it.period == '2004' }.transitions.reason"))
                .containsExactly("2004 official ranking published", "correction of GDP after publication");
        List<String> listed = periods.getList("period");
        assertThat(listed).contains(period).isSortedAccordingTo(Comparator.reverseOrder());

        List<JsonNode> events = periodEvents(period, 2);
        assertThat(events).extracting(event -> event.get("state").asText()).containsExactly("CLOSED", "REOPENED");
        assertThat(events).extracting(event -> event.get("previousState").asText()).containsExactly("OPEN", "CLOSED");
        assertThat(events.get(1).get("reason").asText()).isEqualTo("correction of GDP after publication");
    }

    @Test
    void onlyAdministratorsCloseAndReopenAndEveryTransitionNeedsAReasonAndTheRightState() {
        String period = "2005";
        String reason = """
                {"reason": "published"}""";
        for (String token : List.of(tokens().submitter(PROVINCE), tokens().analyst())) {
            as(token).body(reason).post("/api/v1/periods/" + period + "/close").then().statusCode(403);
            as(token).body(reason).post("/api/v1/periods/" + period + "/reopen").then().statusCode(403);
        }
        given().contentType("application/json").body(reason).post("/api/v1/periods/" + period + "/close")
                .then().statusCode(401);

        String admin = tokens().admin();
        as(admin).body("{}").post("/api/v1/periods/" + period + "/close").then().statusCode(422)
                .body("violations.field", contains("reason")).body("violations.code", contains("required"));
        as(admin).body("""
                {"reason": "   "}""").post("/api/v1/periods/" + period + "/close").then().statusCode(422);
        as(admin).body("{\"reason\": \"" + "x".repeat(501) + "\"}").post("/api/v1/periods/" + period + "/close")
                .then().statusCode(422).body("violations.code", contains("too-long"));
        as(admin).body(reason).post("/api/v1/periods/1999/close").then().statusCode(400)
                .body("violations.field", contains("period"));
        as(admin).body(reason).post("/api/v1/periods/20x5/close").then().statusCode(400);
        as(admin).body(reason).post("/api/v1/periods/" + period + "/reopen").then().statusCode(409)
                .body("detail", containsString("not closed"));

        as(admin).body(reason).post("/api/v1/periods/" + period + "/close").then().statusCode(200);
        as(admin).body(reason).post("/api/v1/periods/" + period + "/close").then().statusCode(409)
                .body("detail", containsString("closed already"));
        as(admin).body(reason).post("/api/v1/periods/" + period + "/reopen").then().statusCode(200);
        as(admin).body(reason).post("/api/v1/periods/" + period + "/close").then().statusCode(200)
                .body("transitions.to", contains("CLOSED", "REOPENED", "CLOSED"))
                .body("changedAt", notNullValue());
        as(admin).body(reason).post("/api/v1/periods/" + period + "/reopen").then().statusCode(200);
    }

    /** The province's template for the period with the required values of the zone typed in. */
    private static byte[] filledWorkbook(String zone, String period) throws IOException {
        byte[] template = as(tokens().submitter(PROVINCE)).queryParam("province", PROVINCE).queryParam("period", period)
                .get("/api/v1/submissions/workbook").then().statusCode(200).extract().asByteArray();
        Map<String, Double> values = Map.of("GDP", 54.0, "TAX", 5.0, "EMPLOYEES", 12.5);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet etdz = workbook.getSheet("ETDZ");
            Row codes = null;
            for (Row row : etdz) {
                String first = row.getCell(0) == null ? "" : row.getCell(0).toString();
                if (first.equals("zone")) {
                    codes = row;
                } else if (codes != null && first.equals(zone)) {
                    for (Cell code : codes) {
                        Double value = values.get(code.getStringCellValue());
                        if (value != null) {
                            row.getCell(code.getColumnIndex(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(value);
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The period's events on periods.v1, once there are {@code expected}. */
    private static List<JsonNode> periodEvents(String period, int expected) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            events.clear();
            for (ConsumerRecord<String, String> record : readTopic("periods.v1", 1)) {
                if (period.equals(record.key())) {
                    events.add(json.readTree(record.value()));
                }
            }
            assertThat(events).hasSize(expected);
        });
        return events;
    }
}
