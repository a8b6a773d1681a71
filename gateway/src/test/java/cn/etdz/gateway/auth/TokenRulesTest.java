package cn.etdz.gateway.auth;

import cn.etdz.gateway.routing.UpstreamStubResource;
import cn.etdz.localstack.PlatformTestResource;
import cn.etdz.localstack.TokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The gateway accepts a token only when it is meant for this platform ({@code aud}) and lives no longer than the
 * configured maximum (exp − iat, one hour by default); a refused token is never remembered as verified, and a
 * remembered one is refused once it expires.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class TokenRulesTest {

    /** The parser {@link Authentication} verifies with, decorated by platform-common's cache of verified tokens. */
    @Inject
    JWTParser parser;

    private static JwtClaims analyst(Duration lifetime) {
        return PlatformTestResource.tokens().claims("client-" + UUID.randomUUID(), "analyst", null, lifetime);
    }

    private static void refused(String token) {
        // twice: a token refused once must not pass later from the gateway's memory of verified tokens
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + token).get("/api/v1/me")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("status", equalTo(401));
        }
    }

    @Test
    void aTokenForThePlatformWithinTheMaximumLifetimeIsAccepted() {
        JwtClaims claims = analyst(Duration.ofHours(1));
        claims.setAudience(List.of("another-app", TokenIssuer.AUDIENCE));
        given().header("Authorization", "Bearer " + PlatformTestResource.tokens().sign(claims)).get("/api/v1/me")
                .then().statusCode(200).body("roles[0]", equalTo("analyst"));
    }

    @Test
    void aTokenTheSameIssuerMintedForAnotherApplicationIsRefused() {
        JwtClaims claims = analyst(Duration.ofMinutes(10));
        claims.setAudience("another-app");
        refused(PlatformTestResource.tokens().sign(claims));
    }

    @Test
    void aTokenWithoutAudienceIsRefused() {
        JwtClaims claims = analyst(Duration.ofMinutes(10));
        claims.unsetClaim("aud");
        refused(PlatformTestResource.tokens().sign(claims));
    }

    @Test
    void aTokenLivingLongerThanTheMaximumIsRefusedEvenWhileUnexpired() {
        refused(PlatformTestResource.tokens().sign(analyst(Duration.ofHours(1).plusSeconds(1))));
        refused(PlatformTestResource.tokens().sign(analyst(Duration.ofDays(3650))));
    }

    @Test
    void aTokenWithoutIssuedAtIsRefusedSinceItsLifetimeCannotBeBounded() {
        JwtClaims claims = analyst(Duration.ofMinutes(10));
        claims.unsetClaim("iat");
        refused(PlatformTestResource.tokens().sign(claims));
    }

    @Test
    void theGatewaysParserRemembersAVerifiedToken() throws Exception {
        String token = PlatformTestResource.tokens().sign(analyst(Duration.ofMinutes(10)));
        assertThat(parser.parse(token)).isSameAs(parser.parse(token));
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        // a first call warms the client and the gateway up, so the short-lived token's calls below come in its lifetime
        given().header("Authorization", "Bearer " + PlatformTestResource.tokens().analyst()).get("/api/v1/me")
                .then().statusCode(200);
        String token = "Bearer " + PlatformTestResource.tokens().sign(analyst(Duration.ofSeconds(15)));
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", token).get("/api/v1/me").then().statusCode(200);
        }
        // remembered for at most 60 s, but never past the token's exp (plus the verifier's 1 s clock skew in tests)
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().header("Authorization", token).get("/api/v1/me").statusCode() == 401);
        refused(token.substring("Bearer ".length()));
    }
}
