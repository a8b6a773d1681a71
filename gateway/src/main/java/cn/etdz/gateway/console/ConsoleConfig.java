package cn.etdz.gateway.console;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/** How the web console served at {@code /} signs people in ({@code gateway.console.*}). */
@ConfigMapping(prefix = "gateway.console")
public interface ConsoleConfig {

    /**
     * Where the console fetches the demo identities of the local run (their tokens, for a sign-in by click). Only the
     * local stack sets it; a production gateway leaves it empty, so a production console never offers them.
     */
    Optional<String> demoIdentitiesUrl();

    /**
     * The organisation's OpenID Connect provider the console signs people in with ({@code gateway.console.oidc.*}).
     * Absent unless its issuer is set; an issuer without a client id stops the gateway at startup.
     */
    Optional<Oidc> oidc();

    /** A public client of the provider: the console signs in with the authorisation code flow and PKCE, no secret. */
    interface Oidc {

        /** The issuer's URL; its discovery document is {@code <issuer>/.well-known/openid-configuration}. */
        String issuer();

        /** The console's client id at the provider. */
        String clientId();

        /**
         * The scopes the console asks for besides {@code openid}, which it always asks for. No default here: a default
         * would make the group present, and so its issuer required, on every gateway.
         */
        Optional<List<String>> scopes();
    }
}
