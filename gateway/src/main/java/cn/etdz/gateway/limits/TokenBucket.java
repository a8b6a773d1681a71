package cn.etdz.gateway.limits;

import java.time.Duration;

/**
 * A token bucket: holds up to {@code capacity} tokens, refills {@code refillPerSecond} tokens a second, and each
 * request takes one. Bursts up to the capacity pass; a steady rate above the refill rate is refused with the time
 * until the next token, which becomes {@code Retry-After}. Time is passed in, so the arithmetic is tested without
 * waiting.
 */
public final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long last;

    public TokenBucket(long capacity, double refillPerSecond, long nowNanos) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity must be at least 1 and the refill rate positive");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /**
     * Takes a token if there is one.
     *
     * @return 0 when the request may pass, otherwise the whole seconds (at least 1) until a token is available
     */
    public synchronized long tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        double nanosToNext = (1 - tokens) / refillPerNano;
        return Math.max(1, (long) Math.ceil(nanosToNext / 1e9));
    }

    /** How long an empty bucket takes to refill completely: unused that long, it is as good as a new one. */
    public Duration refillTime() {
        return Duration.ofNanos((long) Math.ceil(capacity / refillPerNano));
    }

    private void refill(long nowNanos) {
        if (nowNanos > last) {
            tokens = Math.min(capacity, tokens + (nowNanos - last) * refillPerNano);
            last = nowNanos;
        }
    }
}
