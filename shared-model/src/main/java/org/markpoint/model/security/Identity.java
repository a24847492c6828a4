package org.markpoint.model.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as the gateway verified it: the subject (a learner, tutor... id, or an API key's client id),
 * the tenant (college / centre) taken from the credential, the roles, and when this assertion expires.
 * Services get it only through {@link IdentityCodec}'s signed headers and never from request parameters.
 *
 * @param subject   user id from the token's subject, or {@code key:<keyId>} for an LMS API key
 * @param tenant    the tenant the credential belongs to
 * @param roles     at least one role
 * @param scopes    what an API key was issued for (e.g. {@code marking}); empty for people
 * @param expiresAt the assertion is refused after this instant (short-lived: replay protection)
 */
public record Identity(String subject, String tenant, Set<Role> roles, Set<String> scopes, Instant expiresAt) {

    public Identity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (subject.isBlank() || tenant.isBlank()) {
            throw new IllegalArgumentException("subject and tenant must not be blank");
        }
        roles = Set.copyOf(roles);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an identity has at least one role");
        }
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** A learner acting on their own data: the one case where the subject itself is the authorisation. */
    public boolean isLearner(String learnerId) {
        return has(Role.LEARNER) && subject.equals(learnerId);
    }

    public Identity withExpiry(Instant at) {
        return new Identity(subject, tenant, roles, scopes, at);
    }
}
