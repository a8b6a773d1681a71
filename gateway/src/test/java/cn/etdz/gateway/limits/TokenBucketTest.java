package cn.etdz.gateway.limits;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstUpToTheCapacityPassesThenTheCallerWaitsForTheNextToken() {
        TokenBucket bucket = new TokenBucket(3, 0.5, 0);
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).as("one token takes 2 s at 0.5/s").isEqualTo(2);
        assertThat(bucket.tryTake(SECOND)).as("half a token after 1 s").isEqualTo(1);
        assertThat(bucket.tryTake(2 * SECOND)).isZero();
        assertThat(bucket.tryTake(2 * SECOND)).isEqualTo(2);
    }

    @Test
    void refillsNoFurtherThanTheCapacity() {
        TokenBucket bucket = new TokenBucket(2, 10, 0);
        assertThat(bucket.isFull(3600 * SECOND)).isTrue();
        assertThat(bucket.tryTake(3600 * SECOND)).isZero();
        assertThat(bucket.tryTake(3600 * SECOND)).isZero();
        assertThat(bucket.tryTake(3600 * SECOND)).isEqualTo(1);
        assertThat(bucket.isFull(3600 * SECOND)).isFalse();
    }

    @Test
    void aBucketThatCouldNeverPassIsAConfigurationError() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(now::get);
        assertThat(limiter.tryTake("indicator|alice", 1, 1)).isZero();
        assertThat(limiter.tryTake("indicator|alice", 1, 1)).isEqualTo(1);
        assertThat(limiter.tryTake("indicator|bob", 1, 1)).isZero();
        assertThat(limiter.tryTake("evaluation|alice", 1, 1)).isZero();
        now.addAndGet(SECOND);
        assertThat(limiter.tryTake("indicator|alice", 1, 1)).isZero();
        assertThat(limiter.size()).isEqualTo(3);
    }
}
