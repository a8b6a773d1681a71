package cn.etdz.gateway.auth;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final VerifiedTokens.Caller alice = new VerifiedTokens.Caller("alice", Set.of("analyst"), null);

    @Test
    void aVerdictIsReusedUntilTheTokenExpires() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 10, now::get);
        tokens.put("t1", alice, now.get() + 5_000);
        assertThat(tokens.get("t1")).contains(alice);
        now.addAndGet(4_999);
        assertThat(tokens.get("t1")).contains(alice);
        now.addAndGet(1);
        assertThat(tokens.get("t1")).isEmpty();
    }

    @Test
    void aVerdictIsReusedNoLongerThanTheMaximumAge() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 10, now::get);
        tokens.put("t1", alice, now.get() + 3_600_000);
        now.addAndGet(60_000);
        assertThat(tokens.get("t1")).isEmpty();
    }

    @Test
    void onlyTheExactTokenHitsAndAnExpiredOneIsNeverStored() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 10, now::get);
        tokens.put("t1", alice, now.get() + 5_000);
        tokens.put("t2", alice, now.get() - 1);
        assertThat(tokens.get("t1x")).isEmpty();
        assertThat(tokens.get("t2")).isEmpty();
        assertThat(tokens.get(null)).isEmpty();
    }

    @Test
    void aFullCacheForgetsEverythingAndAZeroAgeTurnsItOff() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 2, now::get);
        tokens.put("t1", alice, now.get() + 5_000);
        tokens.put("t2", alice, now.get() + 5_000);
        tokens.put("t3", alice, now.get() + 5_000);
        assertThat(tokens.get("t1")).isEmpty();
        assertThat(tokens.get("t3")).contains(alice);
        VerifiedTokens off = new VerifiedTokens(0, 10, now::get);
        off.put("t1", alice, now.get() + 5_000);
        assertThat(off.get("t1")).isEmpty();
    }
}
