package org.markpoint.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.markpoint.model.problem.ProblemTypes;
import org.markpoint.model.security.Identity;
import org.markpoint.model.security.IdentityCodec;
import org.markpoint.model.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every request: drops any {@code X-Markpoint-Identity*} header the caller sent. {@code /api/**} (and actuator
 * endpoints other than health and info): needs a bearer JWT or an API key, is rate limited per caller, and goes on
 * with the gateway's signed identity headers ({@link IdentityCodec}, 60 s lifetime), so services trust only the
 * gateway. {@code /api/v1/admin/**} needs the admin role; an API key only reaches what its scopes allow.
 */
public final class AuthenticationFilter implements WebFilter {

    /** The verified caller, for the gateway's own controllers. */
    public static final String IDENTITY_ATTRIBUTE = AuthenticationFilter.class.getName() + ".identity";
    static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);
    private static final String IDENTITY_HEADER_PREFIX = IdentityCodec.HEADER.toLowerCase(Locale.ROOT);

    private final JwtAuthenticator jwt;
    private final ApiKeyStore apiKeys;
    private final RateLimiter rateLimiter;
    private final IdentityCodec codec;

    public AuthenticationFilter(JwtAuthenticator jwt, ApiKeyStore apiKeys, RateLimiter rateLimiter,
            IdentityCodec codec) {
        this.jwt = jwt;
        this.apiKeys = apiKeys;
        this.rateLimiter = rateLimiter;
        this.codec = codec;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest stripped = exchange.getRequest().mutate().headers(h -> List.copyOf(h.headerNames()).stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(IDENTITY_HEADER_PREFIX)).forEach(h::remove))
                .build();
        ServerWebExchange clean = exchange.mutate().request(stripped).build();
        String path = stripped.getPath().pathWithinApplication().value();
        if (!needsCredential(path)) {
            return chain.filter(clean);
        }
        Optional<String> apiKey = apiKey(stripped.getHeaders());
        Optional<String> bearer = bearer(stripped.getHeaders());
        if (apiKey.isEmpty() && bearer.isEmpty()) {
            return Problems.unauthenticated(clean, "Sign in: send 'Authorization: Bearer <token>' or an API key.");
        }
        if (apiKey.isEmpty()) {
            // a token seen and verified before: no signature check, no hop off the event loop
            Optional<JwtAuthenticator.Authenticated> known = jwt.verified(bearer.get());
            if (known.isPresent()) {
                return admit(clean, chain, known.get().identity(), path);
            }
        }
        Mono<Outcome> outcome = apiKey.isPresent() ? Mono.fromCallable(() -> fromApiKey(apiKey.get()))
                : Mono.fromCallable(() -> fromToken(bearer.get()));
        return outcome.subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(e -> {
                    LOG.warn("could not check a credential: {}", e.toString());
                    return Mono.just(new Outcome(null, HttpStatus.SERVICE_UNAVAILABLE,
                            "Credentials cannot be checked right now; try again shortly."));
                })
                .flatMap(o -> o.identity == null ? refuse(clean, o) : admit(clean, chain, o.identity, path));
    }

    private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, Identity identity, String path) {
        if (path.startsWith("/api/v1/admin/") && !identity.has(Role.ADMIN)
                || path.startsWith("/actuator/") && !identity.has(Role.ADMIN)) {
            return Problems.forbidden(exchange, "This needs the admin role.");
        }
        if (identity.has(Role.LMS) && identity.subject().startsWith("key:")
                && !ApiKeyScope.allows(identity.scopes(), exchange.getRequest().getMethod(), path)) {
            return Problems.forbidden(exchange, "This API key's scopes " + identity.scopes()
                    + " do not cover " + exchange.getRequest().getMethod() + " " + path + ".");
        }
        Duration wait = rateLimiter.tryAcquire(identity.tenant() + "|" + identity.subject(), System.nanoTime());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
                    "Too many requests", "Slow down: try again in " + seconds + " s.",
                    Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)));
        }
        IdentityCodec.Headers signed = codec.sign(identity.withExpiry(Instant.now().plus(ASSERTION_LIFETIME)));
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> {
            h.set(IdentityCodec.HEADER, signed.identity());
            h.set(IdentityCodec.SIGNATURE_HEADER, signed.signature());
        }).build();
        ServerWebExchange routed = exchange.mutate().request(request).build();
        routed.getAttributes().put(IDENTITY_ATTRIBUTE, identity);
        return chain.filter(routed);
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, Outcome o) {
        if (o.status == HttpStatus.FORBIDDEN) {
            return Problems.forbidden(exchange, o.reason);
        }
        if (o.status == HttpStatus.UNAUTHORIZED) {
            return Problems.unauthenticated(exchange, o.reason);
        }
        return Problems.write(exchange, o.status, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable", o.reason,
                Map.of(HttpHeaders.RETRY_AFTER, "5"));
    }

    private record Outcome(Identity identity, HttpStatus status, String reason) {
    }

    private Outcome fromApiKey(String presented) {
        return apiKeys.verify(presented, Instant.now())
                .map(k -> new Outcome(new Identity("key:" + k.id(), k.tenant(), Set.of(Role.LMS), Set.copyOf(k.scopes()),
                        Instant.now().plus(ASSERTION_LIFETIME)), null, null))
                .orElseGet(() -> new Outcome(null, HttpStatus.UNAUTHORIZED, "The API key is unknown or revoked."));
    }

    private Outcome fromToken(String token) {
        return switch (jwt.authenticate(token)) {
            case JwtAuthenticator.Authenticated a -> new Outcome(a.identity(), null, null);
            case JwtAuthenticator.Rejected r -> new Outcome(null,
                    r.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED, capitalise(r.reason()) + ".");
        };
    }

    static boolean needsCredential(String path) {
        if (path.startsWith("/api/") || path.equals("/api")) {
            return true;
        }
        return path.startsWith("/actuator") && !path.equals("/actuator/health")
                && !path.startsWith("/actuator/health/") && !path.equals("/actuator/info");
    }

    private static Optional<String> apiKey(HttpHeaders headers) {
        String header = headers.getFirst("X-Api-Key");
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        return bearer(headers).filter(t -> t.startsWith(ApiKeyStore.PREFIX));
    }

    private static Optional<String> bearer(HttpHeaders headers) {
        String auth = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (auth == null || auth.length() < 7 || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = auth.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
