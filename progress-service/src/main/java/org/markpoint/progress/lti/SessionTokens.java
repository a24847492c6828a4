package org.markpoint.progress.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.markpoint.model.security.Role;
import org.springframework.stereotype.Component;

/**
 * Signs the tool's JWTs: the session token a launch hands the browser (RS256 under a {@code session} key, claims the
 * gateway reads: {@code sub}, {@code tenant}, {@code roles}) and messages to platforms under the {@code tool} key.
 */
@Component
class SessionTokens {

    /** A session token and how many seconds it lasts. */
    record Session(String token, long expiresInSeconds) {
    }

    private final ToolKeys keys;
    private final LtiProperties props;
    private final Clock clock;

    SessionTokens(ToolKeys keys, LtiProperties props, Clock clock) {
        this.keys = keys;
        this.props = props;
        this.clock = clock;
    }

    Session session(String tenantId, String subject, Set<Role> roles, String name) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(props.sessionIssuer()).subject(subject)
                .audience("markpoint").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(props.sessionLifetime())))
                .jwtID(LaunchStates.random()).claim("tenant", tenantId)
                .claim("roles", roles.stream().map(Role::wireName).sorted().toList())
                .claim("name", name).build();
        return new Session(sign(keys.current(ToolKeys.Purpose.SESSION, ""), claims),
                props.sessionLifetime().toSeconds());
    }

    /** A JWT to a platform (client assertion, deep-linking response) under the registration's tenant's tool key. */
    String toPlatform(LtiRegistration reg, Map<String, Object> claims) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
        claims.forEach(b::claim);
        return sign(keys.current(ToolKeys.Purpose.TOOL, reg.tenantId()), b.build());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an LTI token", e);
        }
        return jwt.serialize();
    }
}
