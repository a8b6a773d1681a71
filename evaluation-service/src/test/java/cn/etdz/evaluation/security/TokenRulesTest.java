package cn.etdz.evaluation.security;

import cn.etdz.localstack.PlatformTestResource;
import cn.etdz.localstack.TokenIssuer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * Reached directly, past the gateway, the service refuses what the gateway refuses: a token for another audience,
 * without an audience, living longer than the maximum (one hour by default) or without {@code iat}; and a refused
 * token is never remembered as verified.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class TokenRulesTest {

    private static final String PATH = "/api/v1/methodologies";

    @Inject
    JWTParser parser;

    private static JwtClaims analyst(Duration lifetime) {
        return PlatformTestResource.tokens().claims("client-" + UUID.randomUUID(), "analyst", null, lifetime);
    }

    private void refused(JwtClaims claims) {
        String token = PlatformTestResource.tokens().sign(claims);
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + token).get(PATH)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("status", equalTo(401));
            assertThatThrownBy(() -> parser.parse(token)).isInstanceOf(ParseException.class);
        }
    }

    @Test
    void aTokenForThePlatformWithinTheMaximumLifetimeIsAccepted() {
        given().header("Authorization", "Bearer " + PlatformTestResource.tokens().sign(analyst(Duration.ofHours(1))))
                .get(PATH).then().statusCode(200);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        JwtClaims claims = analyst(Duration.ofMinutes(10));
        claims.setAudience("another-app");
        refused(claims);
    }

    @Test
    void aTokenWithoutAudienceIsRefused() {
        JwtClaims claims = analyst(Duration.ofMinutes(10));
        claims.unsetClaim("aud");
        refused(claims);
    }

    @Test
    void aTokenLivingLongerThanTheMaximumIsRefused() {
        refused(analyst(Duration.ofHours(1).plusSeconds(1)));
        refused(analyst(Duration.ofDays(3650)));
    }

    @Test
    void aTokenWithoutIssuedAtIsRefused() {
        JwtClaims claims = analyst(Duration.ofMinutes(10));
        claims.unsetClaim("iat");
        refused(claims);
    }

    @Test
    void theTestTokensCarryThePlatformsAudience() throws Exception {
        given().header("Authorization", "Bearer " + PlatformTestResource.tokens().analyst()).get(PATH)
                .then().statusCode(200);
        org.assertj.core.api.Assertions.assertThat(parser.parse(PlatformTestResource.tokens().analyst()).getAudience())
                .containsExactly(TokenIssuer.AUDIENCE);
    }
}
