package cn.etdz.gateway.pipeline;

import cn.etdz.gateway.routing.UpstreamStubResource;
import cn.etdz.localstack.PlatformTestResource;
import cn.etdz.localstack.TraceCollector;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class GatewayPipelineTest {

    private static String token() {
        return "Bearer " + PlatformTestResource.tokens().submitter("320000");
    }

    @Test
    void forwardsMethodPathQueryHeadersAndBodyAndPassesTheStatusBack() {
        given().header("Authorization", token())
                .header("X-Custom", "kept")
                .header("X-Request-Id", "req-123")
                .contentType("application/json")
                .body("{'zone': 'SUZHOU-IP'}")
                .post("/api/v1/submissions?dryRun=true")
                .then().statusCode(200)
                .header("X-Upstream", "stub")
                .header("X-Request-Id", "req-123")
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/submissions?dryRun=true"))
                .body("body", equalTo("{'zone': 'SUZHOU-IP'}"))
                .body("headers.x-custom", equalTo("kept"))
                .body("headers.authorization", startsWith("Bearer "))
                .body("headers.x-request-id", equalTo("req-123"))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"));

        given().header("Authorization", token()).put("/api/v1/zones/X/teapot")
                .then().statusCode(418).body("method", equalTo("PUT"));
    }

    @Test
    void theServiceSeesTheGatewaysSpanInTheCallersTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        String forwarded = given().header("Authorization", token())
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .get("/api/v1/zones")
                .then().statusCode(200)
                .extract().path("headers.traceparent");
        assertThat(forwarded).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(callerSpan);
        // the span the service sees is the gateway's client span, a child of its server span under the caller's
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var trace = TraceCollector.trace(ConfigProvider.getConfig()
                    .getValue("quarkus.otel.exporter.otlp.endpoint", String.class), traceId);
            var client = trace.stream().filter(span -> forwarded.contains(span.spanId())).findFirst()
                    .orElseThrow(() -> new AssertionError("no client span in " + trace));
            var server = trace.stream().filter(span -> span.spanId().equals(client.parentSpanId())).findFirst()
                    .orElseThrow(() -> new AssertionError("no server span in " + trace));
            assertThat(client.kind()).isEqualTo("CLIENT");
            assertThat(server.kind()).isEqualTo("SERVER");
            assertThat(server.parentSpanId()).isEqualTo(callerSpan);
        });
    }

    @Test
    void addsARequestIdWhenTheCallerHasNone() {
        given().header("Authorization", token()).get("/api/v1/zones")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("headers.x-request-id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void rejectsMissingAndInvalidTokensBeforeForwarding() {
        given().get("/api/v1/zones")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("requestId", notNullValue())
                .body("instance", equalTo("/api/v1/zones"));
        given().header("Authorization", "Bearer forged.token.value").get("/api/v1/zones")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        given().header("Authorization", token()).get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnreachableUpstreamIsA502AndASilentOneA504() {
        given().header("Authorization", token()).header("X-Request-Id", "down-1").get("/api/v1/flags")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .header("X-Request-Id", "down-1")
                .body("title", equalTo("Bad gateway"))
                .body("detail", equalTo("The service cannot be reached."))
                .body("requestId", equalTo("down-1"));
        given().header("Authorization", token()).get("/api/v1/scores/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("status", equalTo(504));
    }

    /** The {@code silent} route's upstream accepts connections and never sends a byte; its route waits 1 s. */
    @Test
    void anUpstreamThatAcceptsAndNeverAnswersIsA504AfterTheRoutesTimeout() {
        long started = System.nanoTime();
        given().header("Authorization", token()).header("X-Request-Id", "silent-1").get("/api/v1/silent/ranking")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .header("X-Request-Id", "silent-1")
                .body("title", equalTo("Gateway timeout"))
                .body("detail", equalTo("The service did not answer in time."))
                .body("instance", equalTo("/api/v1/silent/ranking"))
                .body("requestId", equalTo("silent-1"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        given().header("Authorization", token()).contentType("application/json").body("{}")
                .post("/api/v1/silent/submissions")
                .then().statusCode(504).body("status", equalTo(504));
    }

    /**
     * The {@code reused} upstream closes each kept-alive connection when its second request arrives; {@code resetting}
     * resets it instead, as a server's kernel does when a request lands on a connection the server has just closed
     * (Vert.x reports that as a reset or as "connection reset by peer", not as a close). A GET that meets such a
     * connection is sent once more on a new one; a POST is not, since the service may already have acted on it: the
     * caller gets the 502 and decides (with its {@code Idempotency-Key}, a resend is safe).
     */
    @ParameterizedTest
    @ValueSource(strings = {"reused", "resetting"})
    void aGetThatMeetsAClosedKeptAliveConnectionIsResentOnceAndAPostIsNot(String route) {
        String base = "/api/v1/" + route;
        for (int i = 1; i <= 3; i++) {
            given().header("Authorization", token()).get(base + "/ranking-" + i)
                    .then().statusCode(200)
                    .body("received", org.hamcrest.Matchers.hasItem("GET " + base + "/ranking-" + i));
        }
        given().header("Authorization", token()).header("X-Request-Id", "closed-post")
                .contentType("application/json").body("{\"zone\": \"Z\"}")
                .post(base + "/submissions")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("detail", equalTo("The service failed to answer."))
                .body("requestId", equalTo("closed-post"));
        java.util.List<String> received = given().header("Authorization", token()).get(base + "/after-post")
                .then().statusCode(200)
                .extract().jsonPath().getList("received");
        assertThat(received).containsOnlyOnce("POST " + base + "/submissions");
        // each GET reached the upstream twice but the first: on the connection that closed, then on a new one
        assertThat(received).containsSubsequence("GET " + base + "/ranking-2", "GET " + base + "/ranking-2",
                "GET " + base + "/ranking-3", "GET " + base + "/ranking-3");
    }

    @Test
    void meTellsWhoTheTokenSaysTheCallerIs() {
        given().header("Authorization", token()).get("/api/v1/me")
                .then().statusCode(200)
                .contentType("application/json")
                .body("subject", equalTo("demo-submitter-320000"))
                .body("roles", org.hamcrest.Matchers.contains("submitter"))
                .body("province", equalTo("320000"));
        given().header("Authorization", "Bearer " + PlatformTestResource.tokens().analyst()).get("/api/v1/me")
                .then().statusCode(200)
                .body("roles", org.hamcrest.Matchers.contains("analyst"))
                .body("province", org.hamcrest.Matchers.nullValue());
        given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRememberedTokenKeepsWorkingAndATamperedCopyOfItIsStillRejected() {
        String token = token();
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", token).get("/api/v1/me").then().statusCode(200)
                    .body("subject", equalTo("demo-submitter-320000"));
        }
        given().header("Authorization", token + "x").get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
        String[] parts = token.substring("Bearer ".length()).split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("320000", "440000").getBytes());
        given().header("Authorization", "Bearer " + parts[0] + "." + otherPayload + "." + parts[2]).get("/api/v1/me")
                .then().statusCode(401);
    }

    @Test
    void healthAndTheApiDocumentArePublic() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/openapi").then().statusCode(200);
    }
}
