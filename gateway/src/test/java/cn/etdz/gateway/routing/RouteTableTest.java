package cn.etdz.gateway.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    private final RouteTable table = new RouteTable(List.of(
            route("indicator", "/api/v1/zones"),
            route("indicator", "/api/v1/submissions"),
            route("evaluation", "/api/v1/scores"),
            route("special", "/api/v1/zones/special")));

    private static RouteTable.Route route(String name, String prefix) {
        return new RouteTable.Route(name, prefix, URI.create("http://localhost:1"), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @org.junit.jupiter.api.Test
    void aPrefixClaimedTwiceIsAConfigurationError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RouteTable(List.of(
                        route("indicator", "/api/v1/flags"), route("evaluation", "/api/v1/flags"))))
                .hasMessageContaining("/api/v1/flags");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/zones, indicator",
            "/api/v1/zones/SUZHOU-IP/revisions, indicator",
            "/api/v1/submissions/batch, indicator",
            "/api/v1/scores/SUZHOU-IP/2015/explanation, evaluation",
            "/api/v1/zones/special, special",
            "/api/v1/zones/special/x, special",
            "/api/v1/zonesX, ",
            "/api/v1/unknown, ",
            "/api/v1/zones/../internal, "})
    void choosesTheLongestWholeSegmentPrefix(String path, String expected) {
        assertThat(table.resolve(path).map(RouteTable.Route::name).orElse(null)).isEqualTo(expected);
    }
}
