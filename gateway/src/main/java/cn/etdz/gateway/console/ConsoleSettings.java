package cn.etdz.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /console-config.json}: what the web console needs to know before anyone signs in, from the gateway's
 * configuration. Public, like the console's files; it names no secret.
 */
@ApplicationScoped
public class ConsoleSettings {

    static final String PATH = "/console-config.json";

    @Inject
    ConsoleConfig config;

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) throws JsonProcessingException {
        Buffer body = Buffer.buffer(json.writeValueAsBytes(document(config)));
        router.get(PATH).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(body));
    }

    /**
     * The document: {@code demoIdentitiesUrl} and {@code oidc} (issuer, client id, scopes) only when the gateway is
     * configured with them; {@code {}} when it has neither, and the console then says no way to sign in is configured.
     */
    static Map<String, Object> document(ConsoleConfig config) {
        Map<String, Object> document = new LinkedHashMap<>();
        config.demoIdentitiesUrl().ifPresent(url -> document.put("demoIdentitiesUrl", url));
        config.oidc().ifPresent(oidc -> {
            Map<String, Object> provider = new LinkedHashMap<>();
            provider.put("issuer", oidc.issuer());
            provider.put("clientId", oidc.clientId());
            provider.put("scopes", oidc.scopes().orElse(List.of("openid")));
            document.put("oidc", provider);
        });
        return document;
    }
}
