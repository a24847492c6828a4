package org.markpoint.progress.security;

import java.time.Instant;
import java.util.Set;
import org.markpoint.model.security.Identity;
import org.markpoint.model.security.Role;

/**
 * The caller of the current request. Stand-in until the identity filter lands: every caller is the demo tenant's
 * admin. The real class (same name and signature) reads the gateway's signed identity.
 */
public final class CurrentIdentity {

    private static final Identity DEMO_ADMIN = new Identity("demo-admin", "demo", Set.of(Role.ADMIN), Set.of(),
            Instant.MAX);

    private CurrentIdentity() {
    }

    public static Identity get() {
        return DEMO_ADMIN;
    }
}
