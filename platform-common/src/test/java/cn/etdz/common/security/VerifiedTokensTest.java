package cn.etdz.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The one cache of verified tokens, on a clock the test moves: its rule is exact string, exp or max age, bounded. */
class VerifiedTokensTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    /** A verified token of {@code subject} expiring {@code millisFromNow} from now (whole seconds, as in a JWT). */
    private JsonWebToken verified(String subject, long millisFromNow) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setExpirationTime(NumericDate.fromMilliseconds(now.get() + millisFromNow));
        return new DefaultJWTCallerPrincipal(claims);
    }

    @Test
    void aTokenIsReusedUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(MAX_AGE, 10, now::get);
        JsonWebToken alice = verified("alice", 5_000);
        tokens.put("t1", alice);
        assertThat(tokens.get("t1")).containsSame(alice);
        now.addAndGet(4_999);
        assertThat(tokens.get("t1")).containsSame(alice);
        now.addAndGet(1);
        assertThat(tokens.get("t1")).isEmpty();
    }

    @Test
    void aTokenIsReusedNoLongerThanTheMaximumAge() {
        VerifiedTokens tokens = new VerifiedTokens(MAX_AGE, 10, now::get);
        tokens.put("t1", verified("alice", 3_600_000));
        now.addAndGet(59_999);
        assertThat(tokens.get("t1")).isPresent();
        now.addAndGet(1);
        assertThat(tokens.get("t1")).isEmpty();
    }

    @Test
    void onlyTheExactStringHitsAndAnExpiredTokenIsNeverStored() {
        VerifiedTokens tokens = new VerifiedTokens(MAX_AGE, 10, now::get);
        tokens.put("t1", verified("alice", 5_000));
        tokens.put("t2", verified("bob", -1_000));
        assertThat(tokens.get("t1x")).isEmpty();
        assertThat(tokens.get("t1 ")).isEmpty();
        assertThat(tokens.get("t2")).isEmpty();
        assertThat(tokens.get(null)).isEmpty();
    }

    @Test
    void aTokenWithoutExpiryIsNeverStored() {
        VerifiedTokens tokens = new VerifiedTokens(MAX_AGE, 10, now::get);
        JwtClaims claims = new JwtClaims();
        claims.setSubject("carol");
        tokens.put("t1", new DefaultJWTCallerPrincipal(claims));
        assertThat(tokens.get("t1")).isEmpty();
    }

    @Test
    void theCacheHoldsNoMoreThanItsSize() {
        VerifiedTokens tokens = new VerifiedTokens(MAX_AGE, 100, now::get);
        for (int i = 0; i < 1_000; i++) {
            tokens.put("t" + i, verified("client-" + i, 5_000));
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(100);
        assertThat(java.util.stream.IntStream.range(0, 1_000).filter(i -> tokens.get("t" + i).isPresent()).count())
                .isPositive().isLessThanOrEqualTo(100);
    }

    @Test
    void aMaximumAgeOfZeroTurnsTheCacheOff() {
        VerifiedTokens off = new VerifiedTokens(Duration.ZERO, 10, now::get);
        off.put("t1", verified("alice", 5_000));
        assertThat(off.get("t1")).isEmpty();
    }
}
