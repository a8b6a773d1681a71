package cn.etdz.gateway.routing;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/**
 * Limits (413, 429), a service's 403 passing through, request ids in logs and problems, and CORS, on the route
 * {@code limited} of {@link UpstreamStubResource}: 1 KB bodies, 2 requests per subject and 1 per anonymous address
 * before the bucket runs dry.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class LimitsCorrelationCorsTest {

    @TestHTTPResource("/")
    URI gateway;

    private final List<ExtLogRecord> accessLog = new CopyOnWriteArrayList<>();
    /** The MDC request id at the moment each access line was logged. */
    private final java.util.Map<String, Object> mdcAtLogTime = new java.util.concurrent.ConcurrentHashMap<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            accessLog.add((ExtLogRecord) record);
            Object requestId = org.jboss.logging.MDC.get(cn.etdz.gateway.request.Exchange.MDC_REQUEST_ID);
            mdcAtLogTime.put(((ExtLogRecord) record).getFormattedMessage(), requestId == null ? "none" : requestId);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureAccessLog() {
        Logger.getLogger("cn.etdz.gateway.access").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("cn.etdz.gateway.access").removeHandler(capture);
    }

    /** A token of its own, so each test has fresh buckets. */
    private static String freshToken() {
        return "Bearer " + PlatformTestResource.tokens().issue("client-" + UUID.randomUUID(), "analyst", null, 10);
    }

    @Test
    void aBodyOverTheRoutesLimitIs413AndOneWithinItPasses() {
        String token = freshToken();
        given().header("Authorization", token).header("X-Request-Id", "big-1").contentType("text/plain")
                .body("x".repeat(2048)).post("/api/v1/limited/upload")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .header("Content-Language", "en")
                .header("Vary", containsString("Accept-Language"))
                .body("title", equalTo("Payload too large"))
                .body("detail", matchesPattern("The request body is larger than the \\d+ bytes this route accepts\\."))
                .body("requestId", equalTo("big-1"));
        given().header("Authorization", token).header("Accept-Language", "zh-CN").contentType("text/plain")
                .body("x".repeat(2048)).post("/api/v1/limited/upload")
                .then().statusCode(413)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:etdz:problem:payload-too-large"))
                .body("title", equalTo("请求体过大"))
                .body("detail", matchesPattern("请求体超过此路由可接受的 \\d+ 字节。"));
        given().header("Authorization", token).contentType("text/plain")
                .body("x".repeat(512)).post("/api/v1/limited/upload")
                .then().statusCode(200).body("body", equalTo("x".repeat(512)));
    }

    @Test
    void aChunkedUploadIsCutOffAtTheLimitToo() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest chunked = HttpRequest.newBuilder(gateway.resolve("/api/v1/limited/upload"))
                .header("Authorization", freshToken())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[8 * 1024 * 1024])))
                .build();
        HttpResponse<String> response = client.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aNationalBatchOfTwoMegabytesFitsTheDefaultLimit() {
        String batch = "zone,period,indicator,value,note\n" + "SUZHOU-IP,2015,GDP,2070.5,\n".repeat(80_000);
        assertThat(batch.length()).isGreaterThan(2_000_000);
        given().header("Authorization", freshToken()).contentType("text/csv").body(batch)
                .post("/api/v1/submissions/batch")
                .then().statusCode(200).body("method", equalTo("POST"));
    }

    @Test
    void aSubjectOverItsRateIs429WithRetryAfterAndOtherSubjectsAreUnaffected() {
        String token = freshToken();
        given().header("Authorization", token).get("/api/v1/limited/a").then().statusCode(200);
        given().header("Authorization", token).get("/api/v1/limited/a").then().statusCode(200);
        given().header("Authorization", token).header("X-Request-Id", "rate-1").get("/api/v1/limited/a")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("\\d+"))
                .body("status", equalTo(429))
                .body("title", equalTo("Too many requests"))
                .body("requestId", equalTo("rate-1"));
        given().header("Authorization", token).header("Accept-Language", "en;q=0.4, zh-Hans").get("/api/v1/limited/a")
                .then().statusCode(429)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:etdz:problem:rate-limited"))
                .body("title", equalTo("请求过多"))
                .body("detail", matchesPattern("该调用方在此路由上的请求频率超过限额；请 \\d+ 秒后重试。"));
        assertThat(Long.parseLong(given().header("Authorization", token).get("/api/v1/limited/a").header("Retry-After")))
                .isGreaterThanOrEqualTo(1);
        given().header("Authorization", freshToken()).get("/api/v1/limited/a").then().statusCode(200);
        given().header("Authorization", token).get("/api/v1/zones").then().statusCode(200);
    }

    @Test
    void callsWithoutAValidTokenAreLimitedPerSourceAddress() {
        given().header("Accept-Language", "zh-CN").get("/api/v1/limited/a").then().statusCode(401)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:etdz:problem:unauthorized"))
                .body("title", equalTo("未认证"))
                .body("detail", equalTo("需要有效的 Bearer 令牌。"));
        given().header("Authorization", "Bearer guessed").get("/api/v1/limited/a")
                .then().statusCode(429).header("Retry-After", matchesPattern("\\d+"))
                .contentType("application/problem+json");
    }

    @Test
    void aServicesForbiddenProblemReachesTheCallerUnchanged() {
        given().header("Authorization", freshToken()).header("X-Request-Id", "deny-1").get("/api/v1/zones/X/forbidden")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .header("X-Request-Id", "deny-1")
                .body("status", equalTo(403))
                .body("requestId", equalTo("deny-1"));
    }

    @Test
    void eachRequestWritesOneAccessLineCarryingItsRequestId() {
        String token = freshToken();
        given().header("Authorization", token).header("X-Request-Id", "log-1").get("/api/v1/zones")
                .then().statusCode(200);
        given().header("X-Request-Id", "log-2").get("/api/v1/zones").then().statusCode(401);
        await().atMost(Duration.ofSeconds(5)).until(() -> accessLog.stream().filter(r -> r.getMessage() != null)
                .map(ExtLogRecord::getFormattedMessage).filter(m -> m.contains("requestId=log-")).count() == 2);
        ExtLogRecord ok = accessLog.stream().filter(r -> r.getFormattedMessage().contains("requestId=log-1")).findFirst().orElseThrow();
        assertThat(ok.getFormattedMessage()).startsWith("GET /api/v1/zones route=indicator status=200 latency=")
                .contains("subject=client-");
        assertThat(mdcAtLogTime.get(ok.getFormattedMessage())).isEqualTo("log-1");
        ExtLogRecord denied = accessLog.stream().filter(r -> r.getFormattedMessage().contains("requestId=log-2")).findFirst().orElseThrow();
        assertThat(denied.getFormattedMessage()).contains("status=401", "subject=-");
    }

    @Test
    void aBrowserAppOfAConfiguredOriginMayCallAndReadTheRequestId() {
        given().header("Origin", "https://ministry.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/submissions")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://ministry.example")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "https://ministry.example").header("Authorization", freshToken())
                .get("/api/v1/zones")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://ministry.example")
                .header("Access-Control-Expose-Headers", allOf(containsString("X-Request-Id"),
                        containsString("Idempotency-Replayed"), containsString("Location"), containsString("ETag"),
                        containsString("Retry-After"), not(containsString("Idempotent-"))));
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/submissions")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
