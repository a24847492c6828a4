package org.markpoint.gateway.security;

import java.time.Instant;
import java.util.List;

/**
 * An LMS client's key as stored: never the secret, only its SHA-256. The caller sends
 * {@code mpk_<id>_<secret>}; the id finds the record, the hash proves the secret.
 */
public record ApiKey(String id, String tenant, String name, List<String> scopes, String secretSha256,
        Instant createdAt, String createdBy, Instant lastUsedAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
