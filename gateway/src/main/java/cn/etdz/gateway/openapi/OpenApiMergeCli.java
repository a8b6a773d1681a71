package cn.etdz.gateway.openapi;

import cn.etdz.gateway.config.GatewayConfig;
import cn.etdz.gateway.routing.RouteTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build-time merge: the same {@link OpenApiMerger} as the running gateway, over the documents the services wrote
 * at build time ({@code quarkus.smallrye-openapi.store-schema-directory}), with the gateway's own route table and
 * settings (its {@code application.properties}, overridable by {@code -D}). The build feeds its output to the client
 * generator, so generated clients see exactly what the gateway serves.
 *
 * <p>Usage: {@code OpenApiMergeCli <output.json> <route>=<document.json>...}
 */
public final class OpenApiMergeCli {

    private OpenApiMergeCli() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: OpenApiMergeCli <output.json> <route>=<document.json>...");
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(OpenApiMergeCli.class.getResource("/application.properties"), 250))
                .addSystemSources()
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withConverter(io.quarkus.runtime.configuration.MemorySize.class, 100,
                        new io.quarkus.runtime.configuration.MemorySizeConverter())
                .withMapping(GatewayConfig.class)
                .build();
        GatewayConfig gateway = config.getConfigMapping(GatewayConfig.class);
        ObjectMapper json = new ObjectMapper();
        OpenApiMerger merger = new OpenApiMerger(json);
        List<OpenApiMerger.Source> sources = new ArrayList<>();
        sources.add(new OpenApiMerger.Source(OpenApiMerger.GATEWAY_SOURCE, merger.gatewayDocument()));
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            if (!gateway.routes().containsKey(pair[0])) {
                throw new IllegalArgumentException("No route named " + pair[0] + " in the gateway's configuration");
            }
            sources.add(new OpenApiMerger.Source(pair[0], json.readTree(Path.of(pair[1]).toFile())));
        }
        var openapi = gateway.openapi();
        var merged = merger.merge(new OpenApiMerger.Info(openapi.title(), openapi.version(), openapi.description(),
                openapi.serverUrl(), openapi.contactName(), openapi.contactUrl()), RouteTable.of(gateway), sources);
        Path output = Path.of(args[0]).toAbsolutePath();
        Path directory = output.getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        json.writerWithDefaultPrettyPrinter().writeValue(output.toFile(), merged);
        System.out.println("[openapi] merged " + (sources.size() - 1) + " service documents into " + output + " ("
                + merged.get("paths").size() + " paths)");
    }
}
