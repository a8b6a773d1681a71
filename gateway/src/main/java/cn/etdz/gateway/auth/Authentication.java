package cn.etdz.gateway.auth;

import cn.etdz.gateway.request.Exchange;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Step 5: who the caller is. The bearer token is verified by the application's token parser, the same one the
 * services use ({@code mp.jwt.verify.*}, with {@code cn.etdz.common.security.RememberedTokens} remembering tokens
 * that passed); no token or a bad one makes the call anonymous, which later steps limit and refuse.
 */
public final class Authentication implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(Authentication.class);
    private static final String CALLER = "gateway.caller";

    private final JWTParser tokens;

    public Authentication(JWTParser tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = bearerToken(ctx.request());
        if (token != null) {
            try {
                Caller caller = Caller.of(tokens.parse(token));
                ctx.put(CALLER, caller);
                Exchange.subject(ctx, caller.subject());
            } catch (ParseException refused) {
                // anonymous: answered 401 once its address's rate limit has been applied
                LOG.debugf("%s %s: the bearer token is refused (%s)", ctx.request().method(), ctx.request().path(),
                        refused.getCause() == null ? refused.getMessage() : refused.getCause().getMessage());
            }
        }
        ctx.next();
    }

    /** The caller of a request with a verified token; empty for an anonymous one. */
    public static Optional<Caller> caller(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(CALLER));
    }

    private static String bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }
}
