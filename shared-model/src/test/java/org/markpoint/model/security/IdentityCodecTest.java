package org.markpoint.model.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class IdentityCodecTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final IdentityCodec codec = new IdentityCodec(SECRET);
    private final Identity tutor = new Identity("t1", "college-a", Set.of(Role.TUTOR, Role.AUTHOR), Set.of(),
            NOW.plusSeconds(60));

    @Test
    void aSignedIdentityVerifiesToTheSameIdentity() {
        IdentityCodec.Headers h = codec.sign(tutor);
        assertThat(codec.verify(h.identity(), h.signature(), NOW)).contains(tutor);
    }

    @Test
    void theSignatureIsTheHmacSha256OfTheHeaderValue_everyTimeAndFromManyThreads() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        IdentityCodec.Headers h = codec.sign(tutor);
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(h.identity().getBytes(StandardCharsets.US_ASCII)));
        assertThat(h.signature()).isEqualTo(expected);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> signatures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                signatures.add(pool.submit(() -> codec.sign(tutor).signature()));
            }
            for (Future<String> s : signatures) {
                assertThat(s.get()).isEqualTo(expected);
            }
        }
    }

    @Test
    void anotherSecretsSignatureIsRefused() {
        IdentityCodec.Headers h = new IdentityCodec(SECRET + "-other").sign(tutor);
        assertThat(codec.verify(h.identity(), h.signature(), NOW)).isEmpty();
    }

    @Test
    void aTamperedIdentityIsRefused() {
        IdentityCodec.Headers h = codec.sign(tutor);
        IdentityCodec.Headers other = codec.sign(new Identity("t1", "college-b", Set.of(Role.ADMIN), Set.of(),
                NOW.plusSeconds(60)));
        assertThat(codec.verify(other.identity(), h.signature(), NOW)).isEmpty();
        assertThat(codec.verify(h.identity() + "x", h.signature(), NOW)).isEmpty();
        assertThat(codec.verify(h.identity(), "not base64 !", NOW)).isEmpty();
        assertThat(codec.verify(null, h.signature(), NOW)).isEmpty();
    }

    @Test
    void anExpiredIdentityIsRefused() {
        IdentityCodec.Headers h = codec.sign(tutor);
        assertThat(codec.verify(h.identity(), h.signature(), NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> new IdentityCodec("short")).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void rolesReadFromTokenSpellings() {
        assertThat(Role.ofWireName("ROLE_tutor")).contains(Role.TUTOR);
        assertThat(Role.ofWireName(" lms ")).contains(Role.LMS);
        assertThat(Role.ofWireName("root")).isEmpty();
    }

    @Test
    void aLearnerOwnsOnlyTheirOwnId() {
        Identity learner = new Identity("l1", "demo", Set.of(Role.LEARNER), Set.of(), NOW.plusSeconds(5));
        assertThat(learner.isLearner("l1")).isTrue();
        assertThat(learner.isLearner("l2")).isFalse();
        assertThat(tutor.isLearner("t1")).isFalse();
    }
}
