package cn.etdz.evaluation.security;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service verifies a token once and then remembers it; a token that fails verification is never remembered. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class RememberedTokensTest {

    @Inject
    JWTParser parser;

    @Test
    void aVerifiedTokenIsRememberedAndATamperedOneStillFails() throws Exception {
        String token = PlatformTestResource.tokens().analyst();
        assertThat(parser.parse(token)).isSameAs(parser.parse(token));
        assertThat(parser.parse(token).getGroups()).contains("analyst");

        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
        given().header("Authorization", "Bearer " + tampered).get("/api/v1/methodologies").then().statusCode(401);
        given().header("Authorization", "Bearer " + token).get("/api/v1/methodologies").then().statusCode(200);
    }
}
