package cn.etdz.gateway.health;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/**
 * What a load balancer in front of the gateway needs on the public port: {@code GET /q/health}, {@code /q/health/live}
 * and {@code /q/health/ready} answer {@code {"status":"UP"}} (200) or {@code {"status":"DOWN"}} (503) and nothing
 * else. The checks in detail, like the metrics, are served on the management port only.
 */
@ApplicationScoped
public class PublicHealth {

    @Inject
    SmallRyeHealthReporter reporter;

    void register(@Observes Router router) {
        router.get("/q/health").handler(ctx -> answer(ctx, reporter::getHealthAsync));
        router.get("/q/health/live").handler(ctx -> answer(ctx, reporter::getLivenessAsync));
        router.get("/q/health/ready").handler(ctx -> answer(ctx, reporter::getReadinessAsync));
    }

    private static void answer(RoutingContext ctx, Supplier<Uni<SmallRyeHealth>> check) {
        check.get().subscribe().with(
                health -> status(ctx, !health.isDown()),
                failure -> status(ctx, false));
    }

    private static void status(RoutingContext ctx, boolean up) {
        ctx.response().setStatusCode(up ? 200 : 503)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}
