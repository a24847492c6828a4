package org.markpoint.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markpoint.model.security.Identity;
import org.markpoint.model.security.Role;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static JwtAuthenticator.Authenticated expiringAt(Instant exp) {
        return new JwtAuthenticator.Authenticated(new Identity("u1", "demo", Set.of(Role.TUTOR), Set.of(), exp), exp);
    }

    @Test
    void givenAVerifiedToken_whenAskedBeforeItExpires_thenKnown_andFromItsExpiryOn_thenNot() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5));
        JwtAuthenticator.Authenticated a = expiringAt(NOW.plusSeconds(60));
        tokens.put("t1", a, NOW);

        assertThat(tokens.get("t1", NOW.plusSeconds(59))).contains(a);
        assertThat(tokens.get("t1", NOW.plusSeconds(60))).isEmpty();
        assertThat(tokens.size()).isZero();
        assertThat(tokens.get("t2", NOW)).isEmpty();
    }

    @Test
    void givenALongLivedToken_thenKnownForAtMostTheMaximumAge() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5));
        tokens.put("t1", expiringAt(NOW.plus(Duration.ofHours(8))), NOW);

        assertThat(tokens.get("t1", NOW.plusSeconds(299))).isPresent();
        assertThat(tokens.get("t1", NOW.plusSeconds(300))).isEmpty();
    }

    @Test
    void givenAnAlreadyExpiredResult_thenNotKept() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5));
        tokens.put("t1", expiringAt(NOW), NOW);

        assertThat(tokens.size()).isZero();
    }

    @Test
    void givenAFullCache_whenAnotherTokenVerifies_thenExpiredEntriesGoFirst_andItNeverGrowsPastTheLimit() {
        VerifiedTokens tokens = new VerifiedTokens(3, Duration.ofMinutes(5));
        tokens.put("old", expiringAt(NOW.plusSeconds(10)), NOW);
        tokens.put("a", expiringAt(NOW.plusSeconds(100)), NOW);
        tokens.put("b", expiringAt(NOW.plusSeconds(100)), NOW);

        tokens.put("c", expiringAt(NOW.plusSeconds(100)), NOW.plusSeconds(20));
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.get("a", NOW.plusSeconds(20))).isPresent();
        assertThat(tokens.get("c", NOW.plusSeconds(20))).isPresent();

        tokens.put("d", expiringAt(NOW.plusSeconds(100)), NOW.plusSeconds(20));
        assertThat(tokens.size()).isLessThanOrEqualTo(3);
        assertThat(tokens.get("d", NOW.plusSeconds(20))).isPresent();
    }
}
