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
