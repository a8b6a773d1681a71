package cn.etdz.indicator.submission;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import cn.etdz.indicator.IndicatorTestSupport;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class SubmissionResourceTest {

    static String body(String zone, String period, double gdp) {
        return IndicatorTestSupport.submission(zone, period, gdp);
    }

    @Test
    void eachAcceptedSubmissionIsTheNextRevisionAndEarlierOnesStayReadable() {
        String zone = registerZone("SUB", "ETDZ", "320000");
        String token = tokens().submitter("320000");

        // near the values the other tests store for 2015 (about 100), so the peer-group check has nothing to warn of
        int first = as(token).body(body(zone, "2015", 100.5)).post("/api/v1/submissions")
                .then().statusCode(201)
                .body("zone", equalTo(zone))
                .body("period", equalTo("2015"))
                .body("revision", equalTo(1))
                .body("status", equalTo("ACCEPTED"))
                .body("late", equalTo(true))
                .body("submittedBy", equalTo("demo-submitter-320000"))
                .body("receivedAt", notNullValue())
                .body("warnings", equalTo(java.util.List.of()))
                .body("values.indicator", contains("GDP", "TAX", "EMPLOYEES", "SERV_VA"))
                .body("values[3].provisional", equalTo(true))
                .body("values[3].note", equalTo("preliminary"))
                .extract().path("id");
        int second = as(token).body(body(zone, "2015", 101.0)).post("/api/v1/submissions")
                .then().statusCode(201)
                .body("revision", equalTo(2))
                .extract().path("id");

        as(tokens().analyst()).get("/api/v1/submissions/" + first)
                .then().statusCode(200).body("revision", equalTo(1)).body("values[0].value", equalTo(100.5f));
        as(token).get("/api/v1/submissions/" + second)
                .then().statusCode(200).body("revision", equalTo(2)).body("values[0].value", equalTo(101.0f));
        as(token).queryParam("zone", zone).get("/api/v1/submissions")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.revision", contains(2, 1));
        as(token).queryParam("zone", zone).queryParam("status", "ACCEPTED").get("/api/v1/submissions")
                .then().statusCode(200).body("total", equalTo(2)).body("items.status", contains("ACCEPTED", "ACCEPTED"));
        as(token).queryParam("zone", zone).queryParam("status", "VALID").get("/api/v1/submissions")
                .then().statusCode(200).body("total", equalTo(0));
        as(token).queryParam("zone", zone).queryParam("status", "STORED").get("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("status"));
    }

    @Test
    void theLocationHeaderNamesTheStoredSubmission() {
        String zone = registerZone("LOC", "ETDZ", "320000");
        var response = as(tokens().submitter("320000")).body(body(zone, "2014", 10)).post("/api/v1/submissions")
                .then().statusCode(201).extract();
        int id = response.path("id");
        org.assertj.core.api.Assertions.assertThat(response.header("Location")).endsWith("/api/v1/submissions/" + id);
    }

    @Test
    void anInvalidSubmissionListsEveryViolationAndStoresNothing() {
        String zone = registerZone("BAD", "ETDZ", "320000");
        String token = tokens().submitter("320000");
        as(token).body("""
                        {"zone": "%s", "period": "15",
                         "values": [{"indicator": "gdp", "value": 1},
                                    {"indicator": "TAX"},
                                    {"indicator": "TAX", "value": 2},
                                    {"indicator": "BORDER_TRADE", "value": 2},
                                    {"indicator": "SOCIAL_INS", "value": 101, "unit": "%%"},
                                    {"indicator": "EMPLOYEES", "value": 10},
                                    {"indicator": "GRADUATES", "value": 11},
                                    {"indicator": "HT_FIRMS", "value": 2.5},
                                    {"indicator": "NO_SUCH", "value": 1}]}""".formatted(zone))
                .post("/api/v1/submissions")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:etdz:problem:validation"))
                .body("instance", equalTo("/api/v1/submissions"))
                .body("violations.field", containsInAnyOrder("period", "values[0].indicator", "values[1].value",
                        "values[2].indicator", "values[3].indicator", "values[4].value", "values[6].value",
                        "values[7].value", "values[8].indicator", "values"))
                .body("violations.code", containsInAnyOrder("malformed-period", "malformed-indicator", "required",
                        "duplicate-indicator", "not-applicable", "out-of-range", "inconsistent", "not-a-count",
                        "unknown-indicator", "missing-required"));

        as(token).body(body("NO-SUCH-ZONE", "2015", 1)).post("/api/v1/submissions")
                .then().statusCode(422).body("violations.code", contains("unknown-zone"));

        as(token).queryParam("zone", zone).get("/api/v1/submissions").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void unreadableJsonIsABadRequestNamingTheField() {
        as(tokens().submitter("320000")).body("{\"zone\": \"X\", \"values\": [{\"indicator\": \"GDP\", \"value\": \"lots\"}]}")
                .post("/api/v1/submissions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("values[0].value"));
        as(tokens().submitter("320000")).body("{not json").post("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aSubmitterCannotSubmitOrReadForAnotherProvince() {
        String jiangsu = registerZone("JS", "ETDZ", "320000");
        String otherProvince = tokens().submitter("440000");

        as(otherProvince).body(body(jiangsu, "2015", 1)).post("/api/v1/submissions")
                .then().statusCode(403).contentType("application/problem+json");
        int id = as(tokens().submitter("320000")).body(body(jiangsu, "2015", 1)).post("/api/v1/submissions")
                .then().statusCode(201).body("revision", equalTo(1)).extract().path("id");

        as(otherProvince).get("/api/v1/submissions/" + id).then().statusCode(403);
        as(otherProvince).queryParam("province", "320000").get("/api/v1/submissions").then().statusCode(403);
        as(otherProvince).get("/api/v1/submissions")
                .then().statusCode(200).body("items.zone", everyItem(org.hamcrest.Matchers.not(jiangsu)));
        as(tokens().analyst()).body(body(jiangsu, "2015", 1)).post("/api/v1/submissions").then().statusCode(403);
    }

    @Test
    void aDryRunValidatesButStoresNothing() {
        String zone = registerZone("DRY", "BECZ", "530000");
        String token = tokens().submitter("530000");
        as(token).queryParam("dryRun", true).body(body(zone, "2015", 38)).post("/api/v1/submissions")
                .then().statusCode(200)
                .body("id", nullValue())
                .body("status", equalTo("VALID"))
                .body("revision", equalTo(1));
        as(token).queryParam("dryRun", true).body(body(zone, "1999", 38)).post("/api/v1/submissions")
                .then().statusCode(422).body("violations.field", contains("period"));

        as(token).body(body(zone, "2015", 38)).post("/api/v1/submissions")
                .then().statusCode(201).body("revision", equalTo(1));
    }
}
