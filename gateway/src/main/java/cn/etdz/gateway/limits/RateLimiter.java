package cn.etdz.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.util.function.LongSupplier;

/**
 * One token bucket per key (route and caller), held in a bounded cache (Caffeine). A bucket unused for as long as an
 * empty one takes to refill is forgotten, since a new full bucket is then the same thing; beyond {@link #MAX_BUCKETS}
 * keys the least recently used go first. Memory and the cost of a request stay flat however many distinct callers or
 * source addresses arrive.
 */
public final class RateLimiter {

    /**
     * Buckets held at most (a few hundred bytes each). Only a flood of more distinct callers than this within one
     * refill time evicts a bucket before it is full, which gives that caller a fresh burst.
     */
    public static final long MAX_BUCKETS = 50_000;

    private final Cache<String, TokenBucket> buckets;
    private final LongSupplier clock;

    /** @param clock nanoseconds, for the buckets and for the cache's expiry alike */
    public RateLimiter(LongSupplier clock) {
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_BUCKETS)
                .expireAfter(Expiry.accessing((String key, TokenBucket bucket) -> bucket.refillTime()))
                .ticker(clock::getAsLong)
                .executor(Runnable::run) // evictions on the calling thread, no hand-off to a pool per eviction
                .build();
    }

    /**
     * Takes a token from the key's bucket, creating a full one on first use.
     *
     * @return 0 when the request may pass, otherwise seconds until it may be retried
     */
    public long tryTake(String key, long capacity, double refillPerSecond) {
        long now = clock.getAsLong();
        return buckets.get(key, k -> new TokenBucket(capacity, refillPerSecond, now)).tryTake(now);
    }

    /** Buckets held now, after pending expiries and evictions. */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
