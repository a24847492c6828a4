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

    /** An issuer the gateway trusts: how to verify its tokens and where they carry tenant and roles. */
    private record Trusted(DefaultJWTProcessor<SecurityContext> processor, SecurityProperties.Jwt claims,
                           Set<Role> grantable) {
    }

    /** What an LTI launch may make someone: a learner or a tutor, never an author, admin or machine client. */
    private static final Set<Role> LTI_ROLES = EnumSet.of(Role.LEARNER, Role.TUTOR);
    /** The audience of LTI session tokens (progress-service's SessionTokens sets it). */
    static final String LTI_AUDIENCE = "markpoint";

    /** Markpoint's own tokens (dev issuer, LTI sessions) name the tenant and roles in {@code tenant}/{@code roles}. */
    private static final SecurityProperties.Jwt OWN_CLAIMS = new SecurityProperties.Jwt(null, null, null, null, null);

    private final Map<String, Trusted> processors = new LinkedHashMap<>();
    private final VerifiedTokens verified = new VerifiedTokens(10_000, Duration.ofMinutes(5));

    public JwtAuthenticator(SecurityProperties.Jwt claims, DevIssuer devIssuer) {
        this(claims, devIssuer, new SecurityProperties.LtiSessions(null, null));
    }

    public JwtAuthenticator(SecurityProperties.Jwt claims, DevIssuer devIssuer, SecurityProperties.LtiSessions lti) {
        if (claims.configured()) {
            if (claims.jwkSetUri().isEmpty()) {
                throw new IllegalStateException("markpoint.security.jwt.issuer-uri is set but jwk-set-uri is not "
                        + "(MARKPOINT_JWT_JWK_SET_URI): the gateway needs the IdP's public keys");
            }
            try {
                JWKSource<SecurityContext> remote = JWKSourceBuilder.<SecurityContext>create(
                        URI.create(claims.jwkSetUri()).toURL()).retrying(true).build();
                processors.put(claims.issuerUri(), new Trusted(processor(claims.issuerUri(), remote, null), claims,
                        EnumSet.allOf(Role.class)));
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("markpoint.security.jwt.jwk-set-uri is not a URL: "
                        + claims.jwkSetUri(), e);
            }
        }
        if (devIssuer != null) {
            processors.put(devIssuer.issuer(), new Trusted(processor(devIssuer.issuer(),
                    new ImmutableJWKSet<>(new JWKSet(devIssuer.key().toPublicJWK())), null), claims,
                    EnumSet.allOf(Role.class)));
        }
        if (lti.configured()) {
            try {
                JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(
                        URI.create(lti.jwkSetUri()).toURL()).retrying(true).build();
                processors.put(lti.issuer(), new Trusted(processor(lti.issuer(), keys, LTI_AUDIENCE), OWN_CLAIMS,
                        LTI_ROLES));
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("markpoint.security.lti-sessions.jwk-set-uri is not a URL: "
                        + lti.jwkSetUri(), e);
            }
        }
    }

    /** {@code audience}: required in {@code aud} (null: not checked). */
    private static DefaultJWTProcessor<SecurityContext> processor(String issuer, JWKSource<SecurityContext> keys,
                                                                  String audience) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp")));
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
        Trusted trusted = issuer == null ? null : processors.get(issuer);
        if (trusted == null) {
            return new Rejected(false, "the token's issuer is not trusted here");
        }
        JWTClaimsSet set;
        try {
            set = trusted.processor().process(jwt, null);
        } catch (BadJWTException e) {
            return new Rejected(false, e.getMessage().toLowerCase().contains("expired") ? "the token has expired"
                    : "the token's claims are not valid: " + e.getMessage());
        } catch (BadJOSEException e) {
            return new Rejected(false, "the token's signature does not verify");
        } catch (JOSEException e) {
            return new Rejected(false, "the issuer's keys could not be checked: " + e.getMessage());
        }
        SecurityProperties.Jwt claims = trusted.claims();
        Object tenantClaim = claim(set, claims.tenantClaim());
        String tenant = tenantClaim instanceof String s && !s.isBlank() ? s.strip() : claims.defaultTenant();
        if (tenant.isEmpty()) {
            return new Rejected(true, "the token has no '" + claims.tenantClaim() + "' claim (tenant)");
        }
        Set<Role> roles = roles(claim(set, claims.rolesClaim()));
        roles.retainAll(trusted.grantable());
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
