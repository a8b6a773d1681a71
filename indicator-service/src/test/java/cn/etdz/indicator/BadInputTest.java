package cn.etdz.indicator;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.submission;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static cn.etdz.indicator.IndicatorTestSupport.uniqueCode;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Input a client can send that once reached the database or overflowed: each is a 4xx problem and stores nothing. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aNullItemOfABatchIsNamedByItsIndexAndNothingOfTheBatchIsStored() {
        String zone = registerZone("NULLB", "ETDZ", "320000");
        as(tokens().admin())
                .body("{\"submissions\": [" + submission(zone, "2015", 100) + ", null]}")
                .post("/api/v1/submissions/batch")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:etdz:problem:bad-request"))
                .body("violations.field", contains("submissions[1]"));

        as(tokens().admin()).get("/api/v1/zones/" + zone + "/revisions").then().statusCode(200).body("$", empty());
    }

    @Test
    void aNulInABodyCodeIsRefusedBeforeItReachesTheDatabase() {
        as(tokens().admin())
                .body(submission("SZ\\u0000X", "2015", 100))
                .post("/api/v1/submissions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("zone"))
                .body("violations.code", contains("control-character"));

        String code = uniqueCode("NUL");
        as(tokens().admin())
                .body("{\"code\": \"" + code + "\", \"name\": \"a\\u0000b\", \"type\": \"ETDZ\", \"province\": \"320000\"}")
                .post("/api/v1/zones")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("name"));
        as(tokens().admin()).get("/api/v1/zones/" + code).then().statusCode(404);
    }

    @Test
    void aNulInAPathSegmentOrQueryFilterIsA400NamingTheParameter() {
        as(tokens().admin()).get("/api/v1/zones/{code}", "\u0000")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("code"))
                .body("violations.code", contains("control-character"));
        as(tokens().admin()).queryParam("zone", "\u0000").get("/api/v1/submissions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("zone"));
        as(tokens().admin()).queryParam("province", "3".repeat(201)).get("/api/v1/zones")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("province"))
                .body("violations.code", contains("too-long"));
    }

    @Test
    void aControlCharacterInACsvBatchRefusesTheWholeBody() {
        String zone = registerZone("NULCSV", "ETDZ", "320000");
        as(tokens().admin()).contentType("text/csv")
                .body("zone,period,indicator,value,note\n" + zone + ",2015,GDP,100,\n" + "X\u0000" + zone + ",2015,TAX,10,\n")
                .post("/api/v1/submissions/batch")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("line 3"))
                .body("violations.code", contains("control-character"));
        as(tokens().admin()).get("/api/v1/zones/" + zone + "/revisions").then().statusCode(200).body("$", empty());
    }

    @Test
    void aPageFarPastTheEndIsEmpty() {
        as(tokens().admin()).get("/api/v1/zones?page=2147483647&size=500")
                .then().statusCode(200)
                .body("items", empty())
                .body("page", equalTo(2147483647));
        as(tokens().admin()).get("/api/v1/submissions?page=2147483647&size=500")
                .then().statusCode(200)
                .body("items", empty());
        as(tokens().admin()).get("/api/v1/submissions?page=abc")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("page"));
    }

    @Test
    void aSubmissionWithoutAPeriodOrAnEmptyOneIsAViolationNotACrash() {
        String zone = registerZone("NOPERIOD", "ETDZ", "320000");
        as(tokens().admin()).body("{\"zone\": \"" + zone + "\", \"values\": [{\"indicator\": \"GDP\", \"value\": 1}]}")
                .post("/api/v1/submissions")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations.field", hasItem("period"));
        as(tokens().admin()).body("{} }").post("/api/v1/submissions")
                .then().statusCode(422).contentType(PROBLEM);
        as(tokens().admin()).get("/api/v1/zones/" + zone + "/revisions").then().statusCode(200).body("$", empty());
    }

    @Test
    void textLongerThanItsColumnAndDatesOutsideTheirRangeAreViolations() {
        String code = uniqueCode("LONG");
        as(tokens().admin())
                .body("{\"code\": \"" + code + "\", \"name\": \"" + "名".repeat(201) + "\", \"type\": \"ETDZ\", \"province\": \"320000\"}")
                .post("/api/v1/zones")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations.field", contains("name"))
                .body("violations.code", contains("too-long"));
        as(tokens().admin()).get("/api/v1/zones/" + code).then().statusCode(404);
        as(tokens().admin())
                .body("{\"code\": \"" + code + "\", \"name\": \"n\", \"type\": \"ETDZ\", \"province\": \"320000\", "
                        + "\"approvedOn\": \"-999999999-01-01\"}")
                .post("/api/v1/zones")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations.field", contains("approvedOn"));
        as(tokens().admin()).get("/api/v1/zones/" + code).then().statusCode(404);

        String zone = registerZone("OLD", "ETDZ", "320000");
        String ancient = submission(zone, "2015", 100).replaceFirst("\\{", "{\"receivedAt\": \"-999999999-01-01T00:00:00Z\", ");
        as(tokens().admin()).body(ancient).post("/api/v1/submissions")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations.field", contains("receivedAt"))
                .body("violations.code", contains("out-of-range"));
        as(tokens().admin()).get("/api/v1/zones/" + zone + "/revisions").then().statusCode(200).body("$", empty());
        as(tokens().admin()).get("/api/v1/zones/" + zone + "/values?from=20x5")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("from"));
    }

    @Test
    void aDryRunThatIsNeitherTrueNorFalseIsRefusedRatherThanStored() {
        String zone = registerZone("DRY", "ETDZ", "320000");
        as(tokens().admin()).body(submission(zone, "2015", 100)).post("/api/v1/submissions?dryRun=yes")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("dryRun"));
        as(tokens().admin()).body(submission(zone, "2015", 100)).post("/api/v1/submissions?dryRun=TRUE")
                .then().statusCode(200);
        as(tokens().admin()).get("/api/v1/zones/" + zone + "/revisions").then().statusCode(200).body("$", empty());
    }
}
