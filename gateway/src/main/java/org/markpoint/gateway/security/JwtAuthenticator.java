package org.markpoint.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.markpoint.model.security.Identity;
import org.markpoint.model.security.Role;

/**
 * Verifies RS256 bearer tokens from the issuers the gateway trusts (a configured IdP and/or the dev issuer): the
 * signature against the issuer's keys, {@code exp}/{@code nbf} (60 s skew), {@code iss} exactly, a {@code sub};
 * then reads tenant and roles from the configured claims. May block on the first JWKS fetch: call it off the event
 * loop. A token that verified is remembered until it expires (at most 5 minutes, up to 10,000 tokens: see
 * {@link VerifiedTokens}), and {@link #verified} answers for it without blocking.
 */
public final class JwtAuthenticator {

    private final Map<String, DefaultJWTProcessor<SecurityContext>> processors = new LinkedHashMap<>();
    private final SecurityProperties.Jwt claims;
    private final VerifiedTokens verified = new VerifiedTokens(10_000, Duration.ofMinutes(5));

    public JwtAuthenticator(SecurityProperties.Jwt claims, DevIssuer devIssuer) {
        this.claims = claims;
        if (claims.configured()) {
            if (claims.jwkSetUri().isEmpty()) {
                throw new IllegalStateException("markpoint.security.jwt.issuer-uri is set but jwk-set-uri is not "
                        + "(MARKPOINT_JWT_JWK_SET_URI): the gateway needs the IdP's public keys");
            }
            try {
                JWKSource<SecurityContext> remote = JWKSourceBuilder.<SecurityContext>create(
                        URI.create(claims.jwkSetUri()).toURL()).retrying(true).build();
                processors.put(claims.issuerUri(), processor(claims.issuerUri(), remote));
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("markpoint.security.jwt.jwk-set-uri is not a URL: "
                        + claims.jwkSetUri(), e);
            }
        }
        if (devIssuer != null) {
            processors.put(devIssuer.issuer(), processor(devIssuer.issuer(),
                    new ImmutableJWKSet<>(new JWKSet(devIssuer.key().toPublicJWK()))));
        }
    }

    private static DefaultJWTProcessor<SecurityContext> processor(String issuer, JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "exp")));
        return p;
    }

    /** Either the caller's identity or why the token is refused (401) or carries no usable role/tenant (403). */
    public sealed interface Result {
    }

    public record Authenticated(Identity identity, Instant tokenExpiry) implements Result {
    }

    public record Rejected(boolean forbidden, String reason) implements Result {
    }

    /** The identity a token verified to earlier, while that is still usable; never blocks. */
    public Optional<Authenticated> verified(String token) {
        return verified.get(token, Instant.now());
    }

    public Result authenticate(String token) {
        Optional<Authenticated> earlier = verified(token);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Result result = verify(token);
        if (result instanceof Authenticated a) {
            verified.put(token, a, Instant.now());
        }
        return result;
    }

    private Result verify(String token) {
        SignedJWT jwt;
        String issuer;
        try {
            jwt = SignedJWT.parse(token);
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return new Rejected(false, "the bearer token is not a signed JWT");
        }
        DefaultJWTProcessor<SecurityContext> processor = issuer == null ? null : processors.get(issuer);
        if (processor == null) {
            return new Rejected(false, "the token's issuer is not trusted here");
        }
        JWTClaimsSet set;
        try {
            set = processor.process(jwt, null);
        } catch (BadJWTException e) {
            return new Rejected(false, e.getMessage().toLowerCase().contains("expired") ? "the token has expired"
                    : "the token's claims are not valid: " + e.getMessage());
        } catch (BadJOSEException e) {
            return new Rejected(false, "the token's signature does not verify");
        } catch (JOSEException e) {
            return new Rejected(false, "the issuer's keys could not be checked: " + e.getMessage());
        }
        Object tenantClaim = claim(set, claims.tenantClaim());
        String tenant = tenantClaim instanceof String s && !s.isBlank() ? s.strip() : claims.defaultTenant();
        if (tenant.isEmpty()) {
            return new Rejected(true, "the token has no '" + claims.tenantClaim() + "' claim (tenant)");
        }
        Set<Role> roles = roles(claim(set, claims.rolesClaim()));
        if (roles.isEmpty()) {
            return new Rejected(true, "the token's '" + claims.rolesClaim() + "' claim names no Markpoint role");
        }
        Instant exp = set.getExpirationTime().toInstant();
        return new Authenticated(new Identity(set.getSubject(), tenant, roles, Set.of(), exp), exp);
    }

    /** A claim at a dotted path ({@code realm_access.roles}); null when any step is missing. */
    static Object claim(JWTClaimsSet set, String path) {
        String[] parts = path.split("\\.");
        Object at = set.getClaim(parts[0]);
        for (int i = 1; i < parts.length && at != null; i++) {
            at = at instanceof Map<?, ?> m ? m.get(parts[i]) : null;
        }
        return at;
    }

    /** Roles from a list claim, or a space/comma separated string; names Markpoint does not know are ignored. */
    static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim instanceof Collection<?> c) {
            c.forEach(r -> Role.ofWireName(String.valueOf(r)).ifPresent(roles::add));
        } else if (claim instanceof String s) {
            for (String r : s.split("[\\s,]+")) {
                Role.ofWireName(r).ifPresent(roles::add);
            }
        }
        return roles;
    }
}
