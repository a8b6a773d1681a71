package cn.etdz.gateway.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (route and caller). Buckets that have refilled completely are forgotten when the map
 * grows, so memory follows the number of recently active callers, not of all callers ever seen.
 */
public final class RateLimiter {

    private static final int SWEEP_ABOVE = 50_000;

    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public RateLimiter(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Takes a token from the key's bucket, creating a full one on first use.
     *
     * @return 0 when the request may pass, otherwise seconds until it may be retried
     */
    public long tryTake(String key, long capacity, double refillPerSecond) {
        long now = clock.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, refillPerSecond, now)).tryTake(now);
    }

    int size() {
        return buckets.size();
    }
}
