package org.markpoint.progress.lti;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens refused before any key is fetched: unsigned ones and algorithm confusion (HMAC with a public key). */
class IdTokenValidatorTest {

    private static final LtiRegistration REG = new LtiRegistration("r1", "demo", "LMS", "https://lms.example",
            "client-1", List.of("d1"), "https://lms.example/auth", "https://lms.example/token",
            "http://127.0.0.1:9/jwks", Instant.now());
    private static final IdTokenValidator VALIDATOR = new IdTokenValidator(Clock.systemUTC());
    private static final JWTClaimsSet CLAIMS = new JWTClaimsSet.Builder().issuer("https://lms.example")
            .audience("client-1").subject("u1").build();

    @Test
    void givenAnUnsignedToken_whenValidated_thenRefusedAsNotSigned() {
        String none = new PlainJWT(CLAIMS).serialize();
        assertThatThrownBy(() -> VALIDATOR.validate(REG, none, "n")).isInstanceOf(LaunchRejected.class)
                .hasMessageContaining("not a signed JWT");
    }

    @Test
    void givenAnHmacSignedToken_whenValidated_thenRefusedForItsAlgorithm() throws Exception {
        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), CLAIMS);
        hs.sign(new MACSigner("0123456789abcdef0123456789abcdef0123456789abcdef")); // e.g. a public key's bytes
        assertThatThrownBy(() -> VALIDATOR.validate(REG, hs.serialize(), "n")).isInstanceOf(LaunchRejected.class)
                .hasMessageContaining("requires RS256");
    }
}
