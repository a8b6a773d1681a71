package cn.etdz.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo identities the console's sign-in screen offers: fresh tokens of each role, readable only by the console. */
class DemoIdentitiesTest {

    private static final int GATEWAY_PORT = 18080;

    @TempDir
    Path keys;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(DemoIdentities identities, String origin) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(identities.url())).header("Origin", origin).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConsoleOfTheLocalGatewayReadsAValidTokenForEachRoleAndProvince() throws Exception {
        TokenIssuer tokens = TokenIssuer.loadOrCreate(keys, TokenIssuer.DEMO_LIFETIME);
        try (DemoIdentities identities = DemoIdentities.start(tokens, List.of("320000", "650000"), GATEWAY_PORT)) {
            HttpResponse<String> response = get(identities, "http://localhost:" + GATEWAY_PORT);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("http://localhost:" + GATEWAY_PORT);
            JsonNode list = new ObjectMapper().readTree(response.body());
            assertThat(list.findValuesAsText("subject")).containsExactly("demo-admin", "demo-analyst",
                    "demo-submitter-320000", "demo-reviewer-320000", "demo-submitter-650000", "demo-reviewer-650000");
            var consumer = new JwtConsumerBuilder().setVerificationKey(publicKey(tokens))
                    .setExpectedIssuer(TokenIssuer.ISSUER).setExpectedAudience(TokenIssuer.AUDIENCE).build();
            for (JsonNode identity : list) {
                var claims = consumer.processToClaims(identity.get("token").asText());
                assertThat(claims.getSubject()).isEqualTo(identity.get("subject").asText());
                assertThat(claims.getStringListClaimValue("groups")).containsExactly(identity.get("role").asText());
                assertThat(claims.getClaimValue("province"))
                        .isEqualTo(identity.has("province") ? identity.get("province").asText() : null);
            }
        }
    }

    @Test
    void aPageOfAnotherOriginMayNotReadThem() throws Exception {
        TokenIssuer tokens = TokenIssuer.loadOrCreate(keys, TokenIssuer.DEMO_LIFETIME);
        try (DemoIdentities identities = DemoIdentities.start(tokens, List.of("320000"), GATEWAY_PORT)) {
            HttpResponse<String> response = get(identities, "http://evil.example");

            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    private static PublicKey publicKey(TokenIssuer tokens) throws Exception {
        String pem = java.nio.file.Files.readString(tokens.publicKeyFile())
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
