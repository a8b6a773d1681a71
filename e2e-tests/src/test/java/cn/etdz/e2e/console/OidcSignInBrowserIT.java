package cn.etdz.e2e.console;

import cn.etdz.common.security.Roles;
import cn.etdz.localstack.TokenIssuer;
import io.restassured.path.json.JsonPath;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's production sign-in in a real browser: a real OpenID Connect provider (mock-oauth2-server, with its
 * interactive login page) issues the tokens, and the packaged gateway and services trust that provider instead of the
 * local stack's issuer, as a production platform trusts the organisation's. The console signs in with the
 * authorisation code flow and PKCE as a public client, and refuses an answer whose state it did not send.
 */
class OidcSignInBrowserIT {

    private static final String ISSUER_ID = "etdz";
    private static final String CLIENT_ID = "etdz-console";

    private static MockOAuth2Server provider;
    @RegisterExtension
    static final ConsoleStack console = new ConsoleStack("oidc");

    @BeforeAll
    static void startTheProviderAndTrustIt() throws Exception {
        // the claims a production provider is set up to put in the access token: the platform's audience and a role
        // (the login form's claims field can replace them, e.g. a submitter and its province)
        DefaultOAuth2TokenCallback claims = new DefaultOAuth2TokenCallback(ISSUER_ID, "unused", "JWT",
                List.of(TokenIssuer.AUDIENCE), Map.of("groups", List.of(Roles.ANALYST)), 3600);
        provider = new MockOAuth2Server(new OAuth2Config(true, null, null, false, new OAuth2TokenProvider(), Set.of(claims)));
        provider.start();
        String issuer = provider.issuerUrl(ISSUER_ID).toString();
        // the demo data went in with the stack's own tokens; from then on only the provider's tokens are accepted
        console.stack().reconfigure(Map.of(
                "mp.jwt.verify.issuer", issuer,
                "mp.jwt.verify.publickey.location", provider.jwksUrl(ISSUER_ID).toString(),
                "gateway.console.oidc.issuer", issuer,
                "gateway.console.oidc.client-id", CLIENT_ID,
                "gateway.console.oidc.scopes", "openid,profile",
                // as in production: no demo identities
                "gateway.console.demo-identities-url", ""));
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.shutdown();
        }
    }

    /** On the provider's login page: signs in as this user, with these claims in place of the default ones. */
    private static void logInAtProvider(String username, String claims) {
        console.browser().await(By.name("username")).sendKeys(username);
        console.browser().driver.findElement(By.name("claims")).sendKeys(claims);
        console.browser().driver.findElement(By.cssSelector("input[type=submit]")).click();
    }

    private static String sessionToken() {
        return (String) console.browser().script("return JSON.parse(sessionStorage.getItem('console.session')).token;");
    }

    @Test
    void signingInAtTheProviderLeadsBackSignedInAndTheOverviewShowsTheApisCounts() {
        console.browser().get(console.stack().consoleUrl());
        console.browser().await(By.id("oidc-sign-in"));
        assertThat(console.browser().all(By.cssSelector("button.identity"))).isEmpty();
        console.browser().screenshot("signin-oidc");
        console.browser().assertAccessible("sign-in with the organisation's provider");

        console.browser().driver.findElement(By.id("oidc-sign-in")).click();
        assertThat(console.browser().await(By.name("username")).isDisplayed()).isTrue();
        assertThat(console.browser().driver.getCurrentUrl()).startsWith(provider.issuerUrl(ISSUER_ID).toString())
                .contains("code_challenge_method=S256").contains("client_id=" + CLIENT_ID);
        logInAtProvider("analyst-li", "");

        console.browser().await(By.cssSelector(".masthead-nav"));
        console.browser().awaitLoaded();
        assertThat(console.browser().await(By.id("who")).getText()).contains("部委分析员").contains("analyst-li");
        // the one-use code is gone from the address
        assertThat(console.browser().driver.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
        String token = sessionToken();
        JsonPath ranking = given().header("Authorization", "Bearer " + token)
                .queryParams(Map.of("period", "2015", "zoneType", "ETDZ", "size", 1)).get("/api/v1/scores")
                .then().statusCode(200).extract().jsonPath();
        assertThat(ranking.getInt("snapshot.rankedCount")).isPositive();
        assertThat(console.browser().await(By.cssSelector("#count-ranked .count-value")).getText())
                .isEqualTo(ranking.getString("snapshot.rankedCount"));
        assertThat(console.browser().await(By.cssSelector("#count-zones .count-value")).getText())
                .isEqualTo(ranking.getString("snapshot.zoneCount"));
        assertThat(console.browser().all(By.id("targets-table"))).hasSize(1);
        console.browser().screenshot("overview-oidc-analyst");

        // signing out ends the provider's session too (its end_session_endpoint) and comes back to sign-in
        console.browser().await(By.id("sign-out")).click();
        console.browser().await(By.id("oidc-sign-in"));
        assertThat(console.browser().script("return sessionStorage.getItem('console.session');")).isNull();
    }

    /** Changes the stored session as time would: its bearer's expiry, and whether a refresh token is left. */
    private static void ageSession(long expiresInMillis, boolean keepRefreshToken) {
        console.browser().script("const session = JSON.parse(sessionStorage.getItem('console.session'));"
                + "session.expiresAt = Date.now() + arguments[0];"
                + "if (!arguments[1]) { session.refreshToken = null; }"
                + "sessionStorage.setItem('console.session', JSON.stringify(session));", expiresInMillis, keepRefreshToken);
    }

    private static void signInAsAnalyst() {
        console.browser().get(console.stack().consoleUrl());
        console.browser().await(By.id("oidc-sign-in")).click();
        logInAtProvider("analyst-li", "");
        console.browser().await(By.cssSelector(".masthead-nav"));
        console.browser().awaitLoaded();
    }

    @Test
    void theBearerIsRenewedWithTheRefreshTokenBeforeItExpires() {
        signInAsAnalyst();
        String first = sessionToken();
        assertThat(console.browser().script("return JSON.parse(sessionStorage.getItem('console.session')).refreshToken;"))
                .as("the code flow's refresh token is kept").isNotNull();

        // as if the hour had almost passed: within a minute of expiry, the next screen renews the bearer
        ageSession(30_000, true);
        console.open("ranking?period=2015&zoneType=ETDZ");
        await().atMost(Duration.ofSeconds(15)).until(() -> !first.equals(sessionToken()));
        assertThat(((Number) console.browser().script(
                "return JSON.parse(sessionStorage.getItem('console.session')).expiresAt - Date.now();")).longValue())
                .as("the renewed bearer's lifetime").isGreaterThan(Duration.ofMinutes(30).toMillis());
        given().header("Authorization", "Bearer " + sessionToken()).get("/api/v1/me").then().statusCode(200);
        console.open("overview?period=2015&zoneType=ETDZ");
        assertThat(console.browser().await(By.id("who")).getText()).contains("analyst-li");
        assertThat(console.browser().all(By.cssSelector("#count-ranked .count-value"))).hasSize(1);
    }

    @Test
    void theIdTokensSignatureIsVerifiedWithTheProvidersKeys() {
        signInAsAnalyst();
        String idToken = (String) console.browser().script(
                "return JSON.parse(sessionStorage.getItem('console.session')).idToken;");
        String verify = "return import('/console/oidc.js').then(oidc => oidc.verifiedClaims(arguments[0], arguments[1]))"
                + ".then(claims => claims.sub, refusal => refusal.reason);";
        String jwks = provider.jwksUrl(ISSUER_ID).toString();
        assertThat(console.browser().script(verify, idToken, jwks)).isEqualTo("analyst-li");

        // the provider's signature over other claims: another subject in the same token is refused
        String[] parts = idToken.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"analyst-li\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace("\"analyst-li\"", "\"admin-wang\"").getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(console.browser().script(verify, forged, jwks)).isEqualTo("signature");
    }

    @Test
    void withoutARefreshTokenTheSessionEndsAtExpiryAndSaysSo() {
        signInAsAnalyst();
        ageSession(1_500, false);
        console.open("ranking?period=2015&zoneType=ETDZ");
        // no call to the API is needed: at expiry the console goes back to sign-in by itself
        assertThat(console.browser().await(By.cssSelector(".notice")).getText()).contains("登录已过期");
        console.browser().await(By.id("oidc-sign-in"));
        assertThat(console.browser().script("return sessionStorage.getItem('console.session');")).isNull();
        assertThat(console.browser().driver.findElement(By.cssSelector(".masthead-nav")).isDisplayed()).isFalse();
        console.browser().screenshot("signin-oidc-expired");
        console.browser().assertAccessible("sign-in after the session expired");
    }

    @Test
    void aSubmitterSignsInWithTheProvincesClaimAndSeesNoTargets() {
        console.browser().get(console.stack().consoleUrl());
        console.browser().await(By.id("oidc-sign-in")).click();
        logInAtProvider("jiangsu-submitter", "{\"groups\": [\"" + Roles.SUBMITTER + "\"], \"" + Roles.PROVINCE_CLAIM
                + "\": \"320000\"}");

        console.browser().await(By.cssSelector(".masthead-nav"));
        console.browser().awaitLoaded();
        assertThat(console.browser().await(By.id("who")).getText()).contains("江苏省填报员").contains("jiangsu-submitter");
        assertThat(console.browser().all(By.id("count-ranked"))).hasSize(1);
        assertThat(console.browser().all(By.id("targets-heading"))).isEmpty();
        console.browser().screenshot("overview-oidc-submitter");
    }

    @Test
    void anAnswerWithATamperedStateIsRefused() {
        console.browser().get(console.stack().consoleUrl());
        console.browser().await(By.id("oidc-sign-in")).click();
        console.browser().await(By.name("username"));
        // the provider answers whatever state it is sent: send it another one than the console's
        String tampered = console.browser().driver.getCurrentUrl().replaceAll("([?&]state=)[^&]*", "$1forged-state");
        assertThat(tampered).contains("state=forged-state");
        console.browser().get(tampered);
        logInAtProvider("analyst-li", "");

        assertThat(console.browser().await(By.id("oidc-refused")).getText()).contains("登录被拒绝");
        assertThat(console.browser().script("return sessionStorage.getItem('console.session');")).isNull();
        assertThat(console.browser().driver.findElement(By.cssSelector(".masthead-nav")).isDisplayed()).isFalse();
        assertThat(console.browser().driver.getCurrentUrl()).doesNotContain("code=");
        console.browser().await(By.id("oidc-sign-in"));
        console.browser().screenshot("signin-oidc-refused");
        console.browser().assertAccessible("sign-in refused");
    }
}
