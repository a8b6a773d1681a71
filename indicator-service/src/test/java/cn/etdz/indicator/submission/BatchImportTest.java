package cn.etdz.indicator.submission;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.submission;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class BatchImportTest {

    @Test
    void aBadSubmissionDoesNotSinkTheGoodOnes() {
        String a = registerZone("BA", "ETDZ", "320000");
        String b = registerZone("BB", "ETDZ", "320000");
        String foreign = registerZone("BF", "ETDZ", "440000");
        String body = """
                {"submissions": [%s, %s, %s, %s]}""".formatted(
                submission(a, "2015", 100),
                submission(b, "2015", -5),
                submission(foreign, "2015", 100),
                submission(a, "2015", 110));

        as(tokens().submitter("320000")).body(body).post("/api/v1/submissions/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(2))
                .body("results.index", contains(0, 1, 2, 3))
                .body("results.status", contains("ACCEPTED", "REJECTED", "REJECTED", "ACCEPTED"))
                .body("results[0].id", notNullValue())
                .body("results[0].revision", equalTo(1))
                .body("results[3].revision", equalTo(2))
                .body("results[1].id", nullValue())
                .body("results[1].violations.field", hasItem("values[0].value"))
                .body("results[2].violations[0].code", equalTo("forbidden"));

        as(tokens().analyst()).queryParam("zone", b).get("/api/v1/submissions").then().body("total", equalTo(0));
        as(tokens().analyst()).queryParam("zone", a).get("/api/v1/submissions").then().body("total", equalTo(2));
    }

    @Test
    void eachZoneOfABatchIsComparedWithItsOwnPreviousYear() {
        String steady = registerZone("YS", "ETDZ", "320000");
        String jumped = registerZone("YJ", "ETDZ", "320000");
        String fresh = registerZone("YF", "ETDZ", "320000");
        as(tokens().admin()).body("""
                        {"submissions": [%s, %s]}""".formatted(submission(steady, "2012", 100), submission(jumped, "2012", 100)))
                .post("/api/v1/submissions/batch").then().statusCode(200).body("accepted", equalTo(2));

        as(tokens().admin()).body("""
                        {"submissions": [%s, %s, %s]}""".formatted(submission(steady, "2013", 110),
                        submission(jumped, "2013", 300), submission(fresh, "2013", 100)))
                .post("/api/v1/submissions/batch").then().statusCode(200)
                .body("accepted", equalTo(3))
                .body("results[0].warnings.code", not(hasItem("large-change")))
                .body("results[1].warnings.findAll { it.code == 'large-change' }.field",
                        contains("values[0].value", "values[1].value", "values[3].value"))
                .body("results[2].warnings.code", not(hasItem("large-change")));
    }

    @Test
    void csvLinesOfOneZoneAndPeriodFormOneSubmission() {
        String a = registerZone("CA", "BECZ", "530000");
        String b = registerZone("CB", "BECZ", "530000");
        String csv = """
                zone,period,indicator,value,note
                %1$s,2014,GDP,38.5,synthetic
                %1$s,2014,TAX,4.1,
                %1$s,2014,EMPLOYEES,2.2,
                %1$s,2014,BORDER_TRADE,12,"border, trade"
                %2$s,2014,GDP,lots,
                %2$s,2014,TAX,1,
                %2$s,2014,EMPLOYEES,1,
                """.formatted(a, b);
        as(tokens().submitter("530000")).contentType("text/csv").body(csv).post("/api/v1/submissions/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("results.zone", contains(a, b))
                .body("results[1].violations[0].field", equalTo("line 6"))
                .body("results[1].violations[0].code", equalTo("not-a-number"));

        as(tokens().analyst()).queryParam("zone", a).get("/api/v1/submissions")
                .then().body("items[0].values.indicator", contains("GDP", "TAX", "EMPLOYEES", "BORDER_TRADE"))
                .body("items[0].values[3].note", equalTo("border, trade"));
    }

    @Test
    void notesKeepTabsBackslashesAndLineBreaks() {
        String zone = registerZone("NOTE", "ETDZ", "320000");
        as(tokens().submitter("320000")).body("""
                {"zone": "%s", "period": "2015", "values": [
                 {"indicator": "GDP", "value": 1, "provisional": true, "note": "a\\tb\\\\c\\nd \\\\N"},
                 {"indicator": "TAX", "value": 0.1}, {"indicator": "EMPLOYEES", "value": 0.1}]}""".formatted(zone))
                .post("/api/v1/submissions").then().statusCode(201);
        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions")
                .then().body("items[0].values[0].note", equalTo("a\tb\\c\nd \\N"))
                .body("items[0].values[0].provisional", equalTo(true))
                .body("items[0].values[1].note", nullValue())
                .body("items[0].values[1].provisional", equalTo(false));
    }

    @Test
    void aBatchLargeEnoughForCopyKeepsEveryValueAndNote() {
        String zone = registerZone("NOTECOPY", "ETDZ", "320000");
        List<String> codes = as(tokens().analyst()).queryParam("zoneType", "ETDZ").get("/api/v1/indicators")
                .then().statusCode(200).extract().jsonPath().getList("code");
        int submissions = 20;
        assertThat(codes.size() * submissions).as("the batch takes the COPY path")
                .isGreaterThanOrEqualTo(SubmissionWriter.COPY_FROM_VALUES);
        String values = codes.stream().map(code -> "{\"indicator\": \"" + code + "\", \"value\": 1"
                        + (code.equals("GDP") ? ", \"provisional\": true, \"note\": \"a\\tb\\\\c\\nd \\\\N\"" : "") + "}")
                .collect(Collectors.joining(","));
        String items = IntStream.range(0, submissions)
                .mapToObj(i -> "{\"zone\": \"" + zone + "\", \"period\": \"2014\", \"values\": [" + values + "]}")
                .collect(Collectors.joining(","));
        as(tokens().admin()).body("{\"submissions\": [" + items + "]}").post("/api/v1/submissions/batch")
                .then().statusCode(200).body("accepted", equalTo(submissions)).body("rejected", equalTo(0));

        var newest = as(tokens().analyst()).queryParam("zone", zone).queryParam("size", 1).get("/api/v1/submissions")
                .then().statusCode(200).body("total", equalTo(submissions)).body("items[0].revision", equalTo(submissions))
                .extract().jsonPath();
        assertThat(newest.getList("items[0].values.indicator")).containsExactlyElementsOf(codes);
        int gdp = codes.indexOf("GDP");
        assertThat(newest.getString("items[0].values[" + gdp + "].note")).isEqualTo("a\tb\\c\nd \\N");
        assertThat(newest.getBoolean("items[0].values[" + gdp + "].provisional")).isTrue();
        assertThat(newest.getString("items[0].values[" + (gdp == 0 ? 1 : 0) + "].note")).isNull();
    }

    @Test
    void aCsvWithTheWrongHeaderIsABadRequest() {
        as(tokens().admin()).contentType("text/csv").body("zone;period;value\nX;2015;1\n").post("/api/v1/submissions/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].code", equalTo("bad-header"));
    }

    @Test
    void aBatchOverTheLimitIsTooLargeAndStoresNothing() {
        String zone = registerZone("BIG", "ETDZ", "320000");
        String items = IntStream.range(0, 41).mapToObj(i -> submission(zone, "2015", 100 + i))
                .collect(Collectors.joining(","));
        as(tokens().admin()).body("{\"submissions\": [" + items + "]}").post("/api/v1/submissions/batch")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo("A batch carries at most 40 submissions; this one has 41."));
        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions").then().body("total", equalTo(0));
    }

    @Test
    void aBodyOverTheSizeLimitIsRefused() {
        String note = "x".repeat(400);
        String zone = registerZone("HUGE", "ETDZ", "320000");
        String items = IntStream.range(0, 800).mapToObj(i -> "{\"zone\": \"" + zone + "\", \"period\": \"2015\", "
                + "\"values\": [{\"indicator\": \"GDP\", \"value\": 1, \"note\": \"" + note + "\"}]}")
                .collect(Collectors.joining(","));
        as(tokens().admin()).body("{\"submissions\": [" + items + "]}").post("/api/v1/submissions/batch")
                .then().statusCode(413);
        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions").then().body("total", equalTo(0));
    }

    @Test
    void aDryRunBatchValidatesOnly() {
        String zone = registerZone("BDRY", "ETDZ", "320000");
        as(tokens().admin()).queryParam("dryRun", true)
                .body("{\"submissions\": [" + submission(zone, "2015", 1) + "]}").post("/api/v1/submissions/batch")
                .then().statusCode(200).body("results[0].status", equalTo("VALID"));
        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions").then().body("total", equalTo(0));
    }
}
