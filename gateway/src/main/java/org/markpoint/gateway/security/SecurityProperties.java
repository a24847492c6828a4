package org.markpoint.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code markpoint.security.*}: who the gateway trusts and how much it lets each caller do. Every value has an env
 * var in application.yml; see the README's Security section.
 *
 * @param internalSecret  HMAC secret shared with the services for the signed identity headers (blank: a random one
 *                        per process, which only suits a gateway whose services do not check identities)
 * @param maxBodyBytes    largest request body on {@code /api/**}
 * @param maxUploadBytes  largest body for batch marking and imports
 */
@ConfigurationProperties("markpoint.security")
public record SecurityProperties(String internalSecret, Jwt jwt, DevIssuer devIssuer, RateLimit rateLimit,
        long maxBodyBytes, long maxUploadBytes, Cors cors, ApiKeys apiKeys, LtiSessions ltiSessions,
        List<String> frameAncestors) {

    public SecurityProperties {
        ltiSessions = ltiSessions == null ? new LtiSessions(null, null) : ltiSessions;
        frameAncestors = frameAncestors == null ? List.of()
                : frameAncestors.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        jwt = jwt == null ? new Jwt(null, null, null, null, null) : jwt;
        devIssuer = devIssuer == null ? new DevIssuer(false, null, null) : devIssuer;
        rateLimit = rateLimit == null ? new RateLimit(120, 20) : rateLimit;
        maxBodyBytes = maxBodyBytes <= 0 ? 1_048_576 : maxBodyBytes;
        maxUploadBytes = maxUploadBytes <= 0 ? 52_428_800 : maxUploadBytes;
        cors = cors == null ? new Cors(List.of()) : cors;
        apiKeys = apiKeys == null ? new ApiKeys(null, null) : apiKeys;
    }

    /**
     * A real identity provider: tokens whose {@code iss} equals issuerUri are checked against the keys at
     * jwkSetUri. Tenant and roles are read from the named claims (dotted paths such as {@code realm_access.roles});
     * defaultTenant is used when a token has no tenant claim (a single-college deployment).
     */
    public record Jwt(String issuerUri, String jwkSetUri, String tenantClaim, String rolesClaim,
            String defaultTenant) {

        public Jwt {
            tenantClaim = blank(tenantClaim) ? "tenant" : tenantClaim;
            rolesClaim = blank(rolesClaim) ? "roles" : rolesClaim;
            issuerUri = blank(issuerUri) ? "" : issuerUri.strip();
            jwkSetUri = blank(jwkSetUri) ? "" : jwkSetUri.strip();
            defaultTenant = blank(defaultTenant) ? "" : defaultTenant.strip();
        }

        public boolean configured() {
            return !issuerUri.isEmpty();
        }
    }

    /** The built-in token issuer for local use; keyFile keeps its RSA key across restarts (blank: in memory). */
    public record DevIssuer(boolean enabled, String keyFile, String issuer) {

        public DevIssuer {
            keyFile = blank(keyFile) ? "" : keyFile.strip();
            issuer = blank(issuer) ? "http://localhost:8080/auth" : issuer.strip();
        }
    }

    /**
     * Session tokens that LTI launches hand out (progress-service signs them; its public keys at jwkSetUri). Blank
     * issuer: not trusted (no LTI).
     */
    public record LtiSessions(String issuer, String jwkSetUri) {

        public LtiSessions {
            issuer = blank(issuer) ? "" : issuer.strip();
            jwkSetUri = blank(jwkSetUri) ? "" : jwkSetUri.strip();
        }

        public boolean configured() {
            return !issuer.isEmpty() && !jwkSetUri.isEmpty();
        }
    }

    /** Token bucket per caller: capacity requests at once, refilled at refillPerSecond. */
    public record RateLimit(int capacity, double refillPerSecond) {

        public RateLimit {
            capacity = capacity <= 0 ? 120 : capacity;
            refillPerSecond = refillPerSecond <= 0 ? 20 : refillPerSecond;
        }
    }

    /** Origins (scheme://host:port) other than the gateway's own that browsers may call the API from. */
    public record Cors(List<String> allowedOrigins) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        }
    }

    /** Where the gateway keeps API keys (its own database, not a service's). */
    public record ApiKeys(String mongodbUri, String database) {

        public ApiKeys {
            mongodbUri = blank(mongodbUri) ? "mongodb://127.0.0.1:27017" : mongodbUri;
            database = blank(database) ? "markpoint-gateway" : database;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
