package cn.etdz.gateway.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;

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
        assertThat(bucket.tryTake(3600 * SECOND)).isZero();
        assertThat(bucket.tryTake(3600 * SECOND)).isZero();
        assertThat(bucket.tryTake(3600 * SECOND)).as("an hour idle still holds only the capacity").isEqualTo(1);
    }

    @Test
    void anEmptyBucketRefillsCompletelyInCapacityOverRate() {
        TokenBucket bucket = new TokenBucket(20, 2, 0);
        assertThat(bucket.refillTime()).isEqualTo(Duration.ofSeconds(10));
        for (int i = 0; i < 20; i++) {
            assertThat(bucket.tryTake(0)).isZero();
        }
        long refilled = bucket.refillTime().toNanos();
        for (int i = 0; i < 20; i++) {
            assertThat(bucket.tryTake(refilled)).as("token %d after the refill time", i + 1).isZero();
        }
        assertThat(bucket.tryTake(refilled)).isEqualTo(1);
    }

    @Test
    void aBucketThatCouldNeverPassIsAConfigurationError() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
