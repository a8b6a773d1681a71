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

    /**
     * Bytes of request bodies without a declared length (chunked) the gateway holds at once, across all requests,
     * while it reads each up to its route's limit; an upload that would go past it is answered 503 with {@code
     * Retry-After}. Bodies with a {@code Content-Length} are streamed to the service and take none of it.
     */
    @WithDefault("64M")
    io.quarkus.runtime.configuration.MemorySize bodyBufferBudget();

    /** The merged public OpenAPI document served at {@code /openapi}. */
    OpenApi openapi();

    interface OpenApi {
        /** Path of each service's own document, fetched from the route's URL. */
        @WithDefault("/q/openapi?format=json")
        String sourcePath();

        /** Pause between attempts while a service's document has not been fetched yet (it may still be starting). */
        @WithDefault("2s")
        Duration retryInterval();

        /** Pause between refreshes once every document has been fetched, so a redeployed service's changes show. */
        @WithDefault("60s")
        Duration refreshInterval();

        /** Longest wait for one service's document. */
        @WithDefault("5s")
        Duration fetchTimeout();

        /** The public URL of the gateway, written as the document's only server. */
        @WithDefault("http://localhost:8080")
        String serverUrl();

        /** Title of the merged document. */
        @WithDefault("Zone evaluation platform API")
        String title();

        /** Version of the public API. */
        @WithDefault("v1")
        String version();

        /** Description of the merged document. */
        @WithDefault("The public API of the evaluation platform for China's national development zones: zone registry, "
                + "indicator catalogue and submissions (indicator service), methodologies, scores and rankings "
                + "(evaluation service). Every operation needs a bearer token; every error is an RFC 9457 problem. "
                + "Problem titles and details and every violation or warning message are in Chinese when the request's "
                + "Accept-Language prefers Chinese (zh, zh-CN, zh-Hans), in English otherwise, as Content-Language "
                + "says; field names and codes are the same in both.")
        String description();

        /** Who answers questions about the API. */
        @WithDefault("Zone evaluation platform team")
        String contactName();

        /** Where integrators find help. */
        @WithDefault("https://etdz-platform.local/support")
        String contactUrl();
    }

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

        /**
         * Largest request body the route accepts; a larger one is answered 413 without reaching the service. The
         * default lets a national batch (about 2 MB of JSON or CSV) through and stops a runaway upload.
         */
        @WithDefault("4M")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();

        /** Token-bucket rate limit of the route. */
        RateLimit rateLimit();
    }

    /**
     * One bucket per caller and route: per token subject for authenticated calls, per source address for calls
     * without a valid token (so guessing tokens is limited too).
     */
    interface RateLimit {
        /** Requests one subject may make in a burst. */
        @WithDefault("200")
        long capacity();

        /** Sustained requests a second of one subject. */
        @WithDefault("50")
        double refillPerSecond();

        /** Requests one source address without a valid token may make in a burst. */
        @WithDefault("20")
        long anonymousCapacity();

        /** Sustained requests a second of one source address without a valid token. */
        @WithDefault("2")
        double anonymousRefillPerSecond();
    }
}
