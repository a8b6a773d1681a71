package cn.etdz.gateway.auth;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Tokens the gateway has verified recently, with what they say. Verifying an RS256 signature on every request was
 * the largest part of the gateway's cost per authenticated call; a client sends the same token for many calls, so
 * the verdict is remembered until the token expires or {@code maxAge} passes, whichever is first. Only the exact
 * token string that passed verification hits; the services still verify every token themselves.
 */
public final class VerifiedTokens {

    /** What a verified token says about its bearer (also the body of {@code GET /api/v1/me}). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Caller(String subject, Set<String> roles, String province) {
    }

    private record Entry(Caller caller, long expiresAtMillis) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long maxAgeMillis;
    private final int maxEntries;
    private final LongSupplier clockMillis;

    /**
     * @param maxAgeMillis longest time a verdict is reused; 0 turns the cache off
     * @param maxEntries   tokens remembered at most; when full, everything is forgotten at once (cheap and safe)
     * @param clockMillis  current epoch milliseconds
     */
    public VerifiedTokens(long maxAgeMillis, int maxEntries, LongSupplier clockMillis) {
        this.maxAgeMillis = maxAgeMillis;
        this.maxEntries = maxEntries;
        this.clockMillis = clockMillis;
    }

    public Optional<Caller> get(String token) {
        if (token == null || maxAgeMillis <= 0) {
            return Optional.empty();
        }
        Entry entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (clockMillis.getAsLong() >= entry.expiresAtMillis()) {
            entries.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    /** Remembers a token that has just passed verification; {@code tokenExpiresAtMillis} is its {@code exp}. */
    public void put(String token, Caller caller, long tokenExpiresAtMillis) {
        if (token == null || maxAgeMillis <= 0) {
            return;
        }
        long now = clockMillis.getAsLong();
        long expiresAt = Math.min(tokenExpiresAtMillis, now + maxAgeMillis);
        if (expiresAt <= now) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(token, new Entry(caller, expiresAt));
    }
}
