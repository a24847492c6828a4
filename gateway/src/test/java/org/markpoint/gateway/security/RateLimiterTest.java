package org.markpoint.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void givenBucketEmptied_thenWaitUntilOneTokenRefills_andRefillRestoresIt() {
        RateLimiter limiter = new RateLimiter(3, 2.0); // 3 at once, 2 a second
        long t = 1_000_000_000L;
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a", t)).isZero();
        }
        assertThat(limiter.tryAcquire("a", t)).isEqualTo(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("b", t)).as("another caller has their own bucket").isZero();
        assertThat(limiter.tryAcquire("a", t + 500_000_000L)).isZero();
        assertThat(limiter.tryAcquire("a", t + 500_000_000L)).isPositive();
        assertThat(limiter.tryAcquire("a", t + 10_000_000_000L)).as("refills up to capacity, no more").isZero();
    }
}
