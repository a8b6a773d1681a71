package cn.etdz.gateway.console;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** How the web console served at {@code /} signs people in ({@code gateway.console.*}). */
@ConfigMapping(prefix = "gateway.console")
public interface ConsoleConfig {

    /**
     * Where the console fetches the demo identities of the local run (their tokens, for a sign-in by click). Only the
     * local stack sets it; a production gateway leaves it empty, so a production console never offers them.
     */
    Optional<String> demoIdentitiesUrl();
}
