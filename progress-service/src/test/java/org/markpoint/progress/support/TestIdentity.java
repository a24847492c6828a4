package org.markpoint.progress.support;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.markpoint.model.security.Identity;
import org.markpoint.model.security.IdentityCodec;
import org.markpoint.model.security.Role;

/** Signed identities as the gateway would send them, under the test secret of {@code config/progress-service.yml}. */
public final class TestIdentity {

    public static final String SECRET = "markpoint-test-secret-0123456789abcdef";
    public static final IdentityCodec CODEC = new IdentityCodec(SECRET);
    /** What a request without an explicit identity is sent as: everything but a learner, in tenant demo. */
    public static final Identity DEFAULT = of("test-admin", "demo", Role.ADMIN, Role.TUTOR, Role.AUTHOR, Role.LMS);

    private TestIdentity() {
    }

    public static Identity of(String subject, String tenant, Role... roles) {
        return new Identity(subject, tenant, EnumSet.copyOf(List.of(roles)), Set.of(),
                Instant.now().plusSeconds(3600));
    }

    /** The two header name/value pairs (signed now, valid 10 minutes), for {@link Http}'s {@code headers}. */
    public static String[] headers(Identity who) {
        IdentityCodec.Headers h = CODEC.sign(who.withExpiry(Instant.now().plusSeconds(600)));
        return new String[] {IdentityCodec.HEADER, h.identity(), IdentityCodec.SIGNATURE_HEADER, h.signature()};
    }
}
