package org.markpoint.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens that verified, with what they verified to, so a client sending the same token on every request pays
 * for the RS256 signature check once rather than each time (it was the biggest single cost in the gateway). An entry
 * is used only before the token's {@code exp} (no clock skew allowance: stricter than the verifier) and for at most
 * {@code maxAge}, so a key the IdP withdraws from its JWKS stops admitting its tokens within that time. Only
 * successes are kept: a refused token is checked again every time. Bounded: when full, expired entries go, and if
 * that frees nothing every entry goes (tokens are then verified afresh).
 */
final class VerifiedTokens {

    private record Entry(JwtAuthenticator.Authenticated result, Instant usableUntil) {
    }

    private final Map<String, Entry> byToken = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration maxAge;

    VerifiedTokens(int limit, Duration maxAge) {
        this.limit = limit;
        this.maxAge = maxAge;
    }

    Optional<JwtAuthenticator.Authenticated> get(String token, Instant now) {
        Entry e = byToken.get(token);
        if (e == null) {
            return Optional.empty();
        }
        if (!now.isBefore(e.usableUntil())) {
            byToken.remove(token, e);
            return Optional.empty();
        }
        return Optional.of(e.result());
    }

    void put(String token, JwtAuthenticator.Authenticated result, Instant now) {
        Instant until = result.tokenExpiry().isBefore(now.plus(maxAge)) ? result.tokenExpiry() : now.plus(maxAge);
        if (!now.isBefore(until)) {
            return;
        }
        if (byToken.size() >= limit) {
            byToken.values().removeIf(e -> !now.isBefore(e.usableUntil()));
            if (byToken.size() >= limit) {
                byToken.clear();
            }
        }
        byToken.put(token, new Entry(result, until));
    }

    int size() {
        return byToken.size();
    }
}
