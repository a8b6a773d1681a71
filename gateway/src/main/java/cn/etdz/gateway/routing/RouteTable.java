package cn.etdz.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Chooses the upstream of a request path: the route with the longest prefix matching whole path segments. */
public final class RouteTable {

    /** One upstream service and a prefix it owns. */
    public record Route(String name, String prefix, URI upstream, Duration timeout, Duration connectTimeout,
                        Limits limits) {

        public Route(String name, String prefix, URI upstream, Duration timeout, Duration connectTimeout) {
            this(name, prefix, upstream, timeout, connectTimeout, Limits.DEFAULT);
        }

        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
        }
    }

    /** Body size and rate limits of a route. */
    public record Limits(long maxBodyBytes, long capacity, double refillPerSecond, long anonymousCapacity,
                         double anonymousRefillPerSecond) {
        public static final Limits DEFAULT = new Limits(4L << 20, 200, 50, 20, 2);
    }

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        routes.stream().collect(java.util.stream.Collectors.groupingBy(Route::prefix)).forEach((prefix, owners) -> {
            if (owners.size() > 1) {
                throw new IllegalArgumentException("Path prefix " + prefix + " is claimed by several routes: "
                        + owners.stream().map(Route::name).toList());
            }
        });
        this.routes = routes.stream()
                .sorted(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed())
                .toList();
    }

    /** The route table of the gateway's configuration. */
    public static RouteTable of(cn.etdz.gateway.config.GatewayConfig config) {
        return new RouteTable(config.routes().entrySet().stream()
                .flatMap(entry -> entry.getValue().paths().stream().map(prefix -> new Route(entry.getKey(), prefix,
                        URI.create(entry.getValue().url()), entry.getValue().timeout(),
                        entry.getValue().connectTimeout(), limits(entry.getValue()))))
                .toList());
    }

    private static Limits limits(cn.etdz.gateway.config.GatewayConfig.Route route) {
        var rate = route.rateLimit();
        return new Limits(route.maxBodySize().asLongValue(), rate.capacity(), rate.refillPerSecond(),
                rate.anonymousCapacity(), rate.anonymousRefillPerSecond());
    }

    public Optional<Route> resolve(String path) {
        if (path == null || path.contains("/../") || path.endsWith("/..")) {
            return Optional.empty();
        }
        return routes.stream().filter(route -> route.matches(path)).findFirst();
    }

    public List<Route> routes() {
        return routes;
    }
}
