package cn.etdz.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Bearer tokens that passed verification a moment ago, with what they say. A client sends the same token for many
 * calls, and checking its RS256 signature each time was the largest part of the cost of an authenticated call (in the
 * gateway and in the services alike). Only the exact token string that passed verification hits, until the token's
 * {@code exp} or {@code platform.token-cache.max-age} (default 60 s), whichever is first; at most {@code
 * platform.token-cache.size} tokens (default 10 000) are held, the least used going first. A max age of 0 turns the
 * cache off. {@link RememberedTokens} consults it for every token the application's parser is asked to verify.
 */
@Singleton
public final class VerifiedTokens {

    private record Entry(JsonWebToken token, Duration keep) {
    }

    /** Null when the cache is off. */
    private final Cache<String, Entry> entries;
    private final Duration maxAge;
    private final LongSupplier clockMillis;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "platform.token-cache.max-age", defaultValue = "60s") Duration maxAge,
                   @ConfigProperty(name = "platform.token-cache.size", defaultValue = "10000") long maxEntries) {
        this(maxAge, maxEntries, System::currentTimeMillis);
    }

    /**
     * @param clockMillis epoch milliseconds: a token's {@code exp} is wall-clock time, so the cache counts in the
     *                    same time as the verifier that judges it
     */
    public VerifiedTokens(Duration maxAge, long maxEntries, LongSupplier clockMillis) {
        this.maxAge = maxAge;
        this.clockMillis = clockMillis;
        this.entries = maxAge.isZero() || maxAge.isNegative() ? null : Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.creating((String token, Entry entry) -> entry.keep()))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clockMillis.getAsLong()))
                .executor(Runnable::run) // evictions on the calling thread, no hand-off to a pool per eviction
                .build();
    }

    /** The verified token of this exact string, while it is remembered. */
    public Optional<JsonWebToken> get(String token) {
        if (entries == null || token == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.getIfPresent(token)).map(Entry::token);
    }

    /** Remembers a token that has just passed verification; one without {@code exp}, or past it, is not kept. */
    public void put(String token, JsonWebToken verified) {
        if (entries == null || token == null || verified.getExpirationTime() <= 0) {
            return;
        }
        Duration untilExpiry = Duration.ofMillis(
                TimeUnit.SECONDS.toMillis(verified.getExpirationTime()) - clockMillis.getAsLong());
        Duration keep = untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
        if (keep.isZero() || keep.isNegative()) {
            return;
        }
        entries.put(token, new Entry(verified, keep));
    }

    /** Tokens held now, after pending expiries and evictions. */
    long size() {
        if (entries == null) {
            return 0;
        }
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
