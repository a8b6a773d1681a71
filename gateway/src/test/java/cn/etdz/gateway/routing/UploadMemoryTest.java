package cn.etdz.gateway.routing;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The gateway's memory under a flood of uploads: 500 concurrent bodies of 4 MiB (the route's limit), half chunked and
 * half with a {@code Content-Length}, on route {@code uploads} of {@link UpstreamStubResource}, whose upstream drains
 * each body and answers its length. The surefire JVM has the heap the gateway runs with locally (256 MiB, see the
 * pom): holding every chunked body until it is complete, as the gateway once did, does not fit.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class UploadMemoryTest {

    private static final int BODY_BYTES = 4 * 1024 * 1024;
    private static final int UPLOADS = 500;

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void fiveHundredConcurrentFourMegabyteUploadsAreEachAnsweredAndTheGatewayStaysUp() throws Exception {
        String token = "Bearer " + PlatformTestResource.tokens().issue("uploader", "admin", null, 10);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(UploadMemoryTest::body);
                HttpRequest.BodyPublisher body = i % 2 == 0 ? chunked
                        : HttpRequest.BodyPublishers.fromPublisher(chunked, BODY_BYTES);
                answers.add(client.sendAsync(HttpRequest.newBuilder(gateway.resolve("/api/v1/uploads"))
                        .timeout(Duration.ofMinutes(3))
                        .header("Authorization", token)
                        .header("Content-Type", "application/octet-stream")
                        .POST(body).build(), HttpResponse.BodyHandlers.ofString()));
            }
            Map<String, Integer> byKindAndStatus = new TreeMap<>();
            for (int i = 0; i < UPLOADS; i++) {
                HttpResponse<String> answer = answers.get(i).get();
                String kind = i % 2 == 0 ? "chunked" : "content-length";
                byKindAndStatus.merge(kind + " " + answer.statusCode(), 1, Integer::sum);
                assertThat(answer.statusCode()).as("%s upload %d: %s", kind, i, answer.body()).isIn(200, 413, 503);
                if (answer.statusCode() == 200) {
                    assertThat(answer.body()).as("the service got the whole body").isEqualTo("{\"bytes\": " + BODY_BYTES + "}");
                } else {
                    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                }
                if (answer.statusCode() == 503) {
                    assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
                }
            }
            assertThat(byKindAndStatus).as("answers by kind and status: %s", byKindAndStatus)
                    .containsEntry("content-length 200", UPLOADS / 2)
                    .containsKey("chunked 200");
        } finally {
            threads.shutdownNow();
        }

        given().header("Authorization", "Bearer " + PlatformTestResource.tokens().issue("after", "analyst", null, 10))
                .get(gateway.resolve("/api/v1/zones?after=uploads"))
                .then().statusCode(200).body("uri", equalTo("/api/v1/zones?after=uploads"));
    }

    /** 4 MiB generated as it is read, so the test itself holds no bodies. */
    private static InputStream body() {
        return new InputStream() {
            private int left = BODY_BYTES;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
    }
}
