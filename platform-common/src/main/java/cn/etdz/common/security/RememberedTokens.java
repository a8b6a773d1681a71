package cn.etdz.common.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * The application's token parser with a memory: a token found in {@link VerifiedTokens} is not verified again;
 * any other is verified by the parser as configured ({@code mp.jwt.verify.*}) and, once it has passed, remembered.
 * A token that fails verification is never remembered. The gateway and both services verify tokens through it.
 */
@Decorator
@Priority(10)
public abstract class RememberedTokens implements JWTParser {

    @Inject
    @Delegate
    JWTParser delegate;

    @Inject
    VerifiedTokens verified;

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        Optional<JsonWebToken> known = verified.get(bearerToken);
        if (known.isPresent()) {
            return known.get();
        }
        JsonWebToken token = delegate.parse(bearerToken);
        verified.put(bearerToken, token);
        return token;
    }
}
