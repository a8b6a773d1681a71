package cn.etdz.indicator.submission;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.submission;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class IdempotencyTest {

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheOriginalAndCreatesNoRevision() {
        String zone = registerZone("IDEM", "ETDZ", "320000");
        String key = UUID.randomUUID().toString();
        String token = tokens().submitter("320000");

        int id = as(token).header("Idempotency-Key", key).body(submission(zone, "2015", 100))
                .post("/api/v1/submissions").then().statusCode(201).body("revision", equalTo(1)).extract().path("id");
        as(token).header("Idempotency-Key", key).body(submission(zone, "2015", 100))
                .post("/api/v1/submissions").then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("id", equalTo(id))
                .body("revision", equalTo(1));

        as(token).header("Idempotency-Key", key).body(submission(zone, "2015", 101))
                .post("/api/v1/submissions").then().statusCode(409).contentType("application/problem+json");
        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions").then().body("total", equalTo(1));
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneRevision() {
        String zone = registerZone("RACE", "ETDZ", "320000");
        String key = UUID.randomUUID().toString();
        String token = tokens().submitter("320000");
        List<CompletableFuture<Integer>> attempts = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> as(token).header("Idempotency-Key", key)
                        .body(submission(zone, "2015", 100)).post("/api/v1/submissions")
                        .then().statusCode(201).extract().<Integer>path("id")))
                .toList();
        assertThat(attempts.stream().map(CompletableFuture::join).distinct()).hasSize(1);
        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions").then().body("total", equalTo(1));
    }

    /**
     * A caller that lost the answer to a batch (a timeout, the service killed) resends it with the same key: it learns
     * which submissions were stored, with their ids and revisions, and nothing is stored twice.
     */
    @Test
    void aResentBatchWithTheSameKeyReturnsTheOriginalResultAndStoresNothingAgain() {
        String first = registerZone("BATCH", "ETDZ", "320000");
        String second = registerZone("BATCH", "ETDZ", "320000");
        String key = UUID.randomUUID().toString();
        String token = tokens().submitter("320000");
        String batch = """
                {"submissions": [%s, %s, {"zone": "%s", "period": "2015", "values": []}]}"""
                .formatted(submission(first, "2015", 100), submission(second, "2015", 200), first);

        var original = as(token).header("Idempotency-Key", key).body(batch).post("/api/v1/submissions/batch")
                .then().statusCode(200).header("Idempotency-Replayed", org.hamcrest.Matchers.nullValue())
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .extract().jsonPath();
        var resent = as(token).header("Idempotency-Key", key).body(batch).post("/api/v1/submissions/batch")
                .then().statusCode(200).header("Idempotency-Replayed", "true")
                .extract().jsonPath();
        assertThat(resent.getList("results.id")).isEqualTo(original.getList("results.id"));
        assertThat(resent.getList("results.revision")).containsExactly(1, 1, null);
        assertThat(resent.getList("results[2].violations.field")).isEqualTo(original.getList("results[2].violations.field"));

        as(token).header("Idempotency-Key", key).body(batch.replace("200", "201")).post("/api/v1/submissions/batch")
                .then().statusCode(409).contentType("application/problem+json");
        as(tokens().analyst()).queryParam("zone", first).get("/api/v1/submissions").then().body("total", equalTo(1));
        as(tokens().analyst()).queryParam("zone", second).get("/api/v1/submissions").then().body("total", equalTo(1));
    }

    @Test
    void aCsvBatchIsResentSafelyToo() {
        String zone = registerZone("CSVK", "ETDZ", "320000");
        String key = UUID.randomUUID().toString();
        String csv = "zone,period,indicator,value,note\n%s,2015,GDP,100,\n%s,2015,TAX,10,\n%s,2015,EMPLOYEES,5,\n"
                .formatted(zone, zone, zone);
        for (int attempt = 0; attempt < 2; attempt++) {
            as(tokens().submitter("320000")).contentType("text/csv").header("Idempotency-Key", key).body(csv)
                    .post("/api/v1/submissions/batch").then().statusCode(200)
                    .body("accepted", equalTo(1)).body("results[0].revision", equalTo(1));
        }
        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions").then().body("total", equalTo(1));
    }

    @Test
    void keysBelongToTheirCaller() {
        String zone = registerZone("KEYS", "ETDZ", "320000");
        String key = UUID.randomUUID().toString();
        as(tokens().submitter("320000")).header("Idempotency-Key", key).body(submission(zone, "2015", 100))
                .post("/api/v1/submissions").then().statusCode(201).body("revision", equalTo(1));
        as(tokens().admin()).header("Idempotency-Key", key).body(submission(zone, "2015", 100))
                .post("/api/v1/submissions").then().statusCode(201).body("revision", equalTo(2));
    }
}
