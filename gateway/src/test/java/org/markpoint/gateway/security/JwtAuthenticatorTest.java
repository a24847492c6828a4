package org.markpoint.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.model.security.Role;

/** Claim mapping for real IdPs: dotted role paths, unknown role names, a default tenant. */
class JwtAuthenticatorTest {

    private static final RSAKey KEY = DevIssuer.loadOrCreateKey("");
    private static final String ISS = "http://localhost:9/auth";

    @Test
    void givenKeycloakStyleClaims_whenAuthenticated_thenRolesFromTheDottedPath() {
        SecurityProperties.Jwt claims = new SecurityProperties.Jwt(null, null, "college", "realm_access.roles", null);
        DevIssuer issuer = new DevIssuer(ISS, KEY, claims);
        String token = issuer.mint("t1", "north", List.of(Role.TUTOR, Role.AUTHOR), Duration.ofMinutes(5));
        JwtAuthenticator.Result r = new JwtAuthenticator(claims, issuer).authenticate(token);
        assertThat(r).isInstanceOfSatisfying(JwtAuthenticator.Authenticated.class, a -> {
            assertThat(a.identity().tenant()).isEqualTo("north");
            assertThat(a.identity().roles()).containsExactlyInAnyOrder(Role.TUTOR, Role.AUTHOR);
        });
    }

    @Test
    void givenNoTenantClaim_whenDefaultTenantSet_thenItIsUsed_elseForbidden() {
        SecurityProperties.Jwt minting = new SecurityProperties.Jwt(null, null, "unused_claim", null, null);
        String token = new DevIssuer(ISS, KEY, minting).mint("t1", "x", List.of(Role.LEARNER), Duration.ofMinutes(5));
        SecurityProperties.Jwt withDefault = new SecurityProperties.Jwt(null, null, "tenant", null, "solo");
        DevIssuer verifying = new DevIssuer(ISS, KEY, withDefault);
        assertThat(new JwtAuthenticator(withDefault, verifying).authenticate(token))
                .isInstanceOfSatisfying(JwtAuthenticator.Authenticated.class,
                        a -> assertThat(a.identity().tenant()).isEqualTo("solo"));
        SecurityProperties.Jwt noDefault = new SecurityProperties.Jwt(null, null, "tenant", null, null);
        assertThat(new JwtAuthenticator(noDefault, new DevIssuer(ISS, KEY, noDefault)).authenticate(token))
                .isInstanceOfSatisfying(JwtAuthenticator.Rejected.class, rej -> assertThat(rej.forbidden()).isTrue());
    }

    @Test
    void givenLtiSessionIssuer_whenItsTokenArrives_thenVerifiedAgainstItsJwksWithMarkpointClaimNames()
            throws Exception {
        RSAKey sessionKey = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("session-1").generate();
        com.sun.net.httpserver.HttpServer jwks = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new com.nimbusds.jose.jwk.JWKSet(sessionKey.toPublicJWK()).toString().getBytes();
        jwks.createContext("/lti/session-keys", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        jwks.start();
        try {
            // the IdP's claims live elsewhere (Keycloak style); LTI sessions still carry tenant/roles
            SecurityProperties.Jwt idp = new SecurityProperties.Jwt(null, null, "college", "realm_access.roles", null);
            JwtAuthenticator auth = new JwtAuthenticator(idp, null, new SecurityProperties.LtiSessions("markpoint-lti",
                    "http://127.0.0.1:" + jwks.getAddress().getPort() + "/lti/session-keys"));
            String token = session(sessionKey, "markpoint", List.of("learner", "admin"));
            assertThat(auth.authenticate(token)).isInstanceOfSatisfying(JwtAuthenticator.Authenticated.class, a -> {
                assertThat(a.identity().subject()).isEqualTo("lti-1234abcd-s1");
                assertThat(a.identity().tenant()).isEqualTo("demo");
                assertThat(a.identity().roles()).as("a launch never makes an admin").containsExactly(Role.LEARNER);
            });
            assertThat(auth.authenticate(session(sessionKey, "someone-else", List.of("learner"))))
                    .as("another audience").isInstanceOf(JwtAuthenticator.Rejected.class);
            assertThat(auth.authenticate(session(KEY, "markpoint", List.of("tutor")))).as("forged")
                    .isInstanceOfSatisfying(JwtAuthenticator.Rejected.class, rej -> assertThat(rej.forbidden()).isFalse());
        } finally {
            jwks.stop(0);
        }
    }

    private static String session(RSAKey key, String audience, List<String> roles) throws Exception {
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                com.nimbusds.jose.JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("markpoint-lti").subject("lti-1234abcd-s1")
                        .audience(audience).claim("tenant", "demo").claim("roles", roles)
                        .expirationTime(java.util.Date.from(Instant.now().plusSeconds(600))).build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void givenRolesAsAStringWithUnknownNames_thenOnlyKnownRolesCount() {
        assertThat(JwtAuthenticator.roles("offline_access ROLE_TUTOR,learner")).containsExactlyInAnyOrder(Role.TUTOR,
                Role.LEARNER);
        assertThat(JwtAuthenticator.roles(List.of("uma_authorization"))).isEmpty();
    }

    @Test
    void givenTokenWithoutAnyKnownRole_thenForbiddenNotUnauthenticated() {
        SecurityProperties.Jwt claims = new SecurityProperties.Jwt(null, null, null, "groups", null);
        DevIssuer issuer = new DevIssuer(ISS, KEY, new SecurityProperties.Jwt(null, null, null, null, null));
        String token = DevIssuer.sign(KEY, ISS, "u", "demo", List.of(Role.TUTOR), Instant.now(),
                Instant.now().plusSeconds(60), new SecurityProperties.Jwt(null, null, null, null, null));
        assertThat(new JwtAuthenticator(claims, issuer).authenticate(token))
                .isInstanceOfSatisfying(JwtAuthenticator.Rejected.class, rej -> assertThat(rej.forbidden()).isTrue());
    }

    @Test
    void givenATokenThatVerified_thenItIsKnownWithoutAnotherCheck_butATamperedCopyIsStillRefused() {
        SecurityProperties.Jwt claims = new SecurityProperties.Jwt(null, null, null, null, null);
        DevIssuer issuer = new DevIssuer(ISS, KEY, claims);
        JwtAuthenticator jwt = new JwtAuthenticator(claims, issuer);
        String token = issuer.mint("t1", "demo", List.of(Role.TUTOR), Duration.ofMinutes(5));
        assertThat(jwt.verified(token)).isEmpty();

        JwtAuthenticator.Result first = jwt.authenticate(token);

        assertThat(first).isInstanceOf(JwtAuthenticator.Authenticated.class);
        assertThat(jwt.verified(token)).contains((JwtAuthenticator.Authenticated) first);
        assertThat(jwt.authenticate(token)).isEqualTo(first);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(jwt.verified(tampered)).isEmpty();
        assertThat(jwt.authenticate(tampered)).isInstanceOf(JwtAuthenticator.Rejected.class);
    }

    @Test
    void givenARefusedToken_thenNothingIsRemembered() {
        SecurityProperties.Jwt claims = new SecurityProperties.Jwt(null, null, null, null, null);
        DevIssuer issuer = new DevIssuer(ISS, KEY, claims);
        JwtAuthenticator jwt = new JwtAuthenticator(claims, issuer);
        String expired = DevIssuer.sign(KEY, ISS, "u", "demo", List.of(Role.TUTOR), Instant.now().minusSeconds(600),
                Instant.now().minusSeconds(300), claims);

        assertThat(jwt.authenticate(expired)).isInstanceOf(JwtAuthenticator.Rejected.class);
        assertThat(jwt.verified(expired)).isEmpty();
    }
}
