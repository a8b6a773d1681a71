package cn.etdz.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Typed configuration of the gateway ({@code gateway.*}). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The route table: each named upstream service with the public path prefixes it owns. */
    Map<String, Route> routes();

    interface Route {
        /** Base URL of the upstream service, e.g. {@code http://indicator-service:8080}. */
        String url();

        /** Path prefixes this service owns, e.g. {@code /api/v1/zones}; a prefix matches whole path segments. */
        List<String> paths();

        /** Longest silence from the upstream before the gateway answers 504. */
        @WithDefault("30s")
        Duration timeout();

        /** Longest wait to connect to the upstream before the gateway answers 502. */
        @WithDefault("5s")
        Duration connectTimeout();
    }
}
