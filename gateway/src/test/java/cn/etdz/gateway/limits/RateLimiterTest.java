package cn.etdz.gateway.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(now::get);

    @Test
    void eachKeyHasItsOwnBucket() {
        assertThat(limiter.tryTake("indicator|alice", 1, 1)).isZero();
        assertThat(limiter.tryTake("indicator|alice", 1, 1)).isEqualTo(1);
        assertThat(limiter.tryTake("indicator|bob", 1, 1)).isZero();
        assertThat(limiter.tryTake("evaluation|alice", 1, 1)).isZero();
        now.addAndGet(SECOND);
        assertThat(limiter.tryTake("indicator|alice", 1, 1)).isZero();
        assertThat(limiter.size()).isEqualTo(3);
    }

    @Test
    void aDrainedBucketIsKeptUntilItHasRefilledThenForgotten() {
        for (int i = 0; i < 20; i++) {
            limiter.tryTake("indicator|address:203.0.113.9", 20, 2);
        }
        now.addAndGet(9 * SECOND);
        assertThat(limiter.size()).as("9 s idle: not yet refilled (20 tokens at 2/s take 10 s)").isEqualTo(1);
        assertThat(limiter.tryTake("indicator|address:203.0.113.9", 20, 2)).isZero();
        assertThat(limiter.tryTake("indicator|address:203.0.113.9", 20, 2))
                .as("18 tokens refilled in 9 s, 1 taken above, and the bucket was not replaced by a full one")
                .isZero();

        now.addAndGet(10 * SECOND + 1);
        assertThat(limiter.size()).as("idle for a whole refill time: as good as new, so forgotten").isZero();
    }

    @Test
    void manyDistinctCallersStayBoundedAndCheap() {
        // a limiter that scanned its buckets on each request would take minutes here
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 300_000; i++) {
                assertThat(limiter.tryTake("indicator|address:" + i, 20, 2)).isZero();
            }
        });
        assertThat(limiter.size()).isLessThanOrEqualTo(RateLimiter.MAX_BUCKETS);
    }

    @Test
    void aFloodOfNewAddressesDoesNotGiveAnActiveCallerAFreshBurst() {
        String alice = "evaluation|subject:alice";
        for (int i = 0; i < 200; i++) {
            assertThat(limiter.tryTake(alice, 200, 50)).isZero();
        }
        // alice keeps calling (and being refused) while more one-off addresses than the cache holds arrive; the
        // cache keeps the bucket in use and drops the one-offs (time stands still, so nothing refills)
        for (int i = 0; i < 2 * RateLimiter.MAX_BUCKETS; i++) {
            limiter.tryTake("evaluation|address:" + i, 20, 2);
            if (i % 1000 == 0) {
                assertThat(limiter.tryTake(alice, 200, 50)).as("alice after %d new addresses", i).isEqualTo(1);
            }
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(RateLimiter.MAX_BUCKETS);
    }
}
