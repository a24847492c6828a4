package org.markpoint.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.markpoint.model.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in token issuer for local use: one RSA key (generated on first start and kept in the key file, or in
 * memory), RS256 tokens with the same claims a real IdP would carry. Only on when
 * {@code markpoint.security.dev-issuer.enabled}: anyone who can reach it can mint any role.
 */
public final class DevIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(DevIssuer.class);

    private final RSAKey key;
    private final String issuer;
    private final SecurityProperties.Jwt claims;

    public DevIssuer(String issuer, RSAKey key, SecurityProperties.Jwt claims) {
        this.issuer = issuer;
        this.key = key;
        this.claims = claims;
    }

    /** Loads the key from keyFile, or generates it (and stores it, owner-only, when keyFile is set). */
    public static RSAKey loadOrCreateKey(String keyFile) {
        try {
            if (keyFile.isEmpty()) {
                return generate();
            }
            Path file = Path.of(keyFile);
            if (!Files.exists(file)) {
                RSAKey fresh = generate();
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".dev-issuer", ".tmp");
                restrict(tmp);
                Files.writeString(tmp, fresh.toJSONString(), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file); // not REPLACE_EXISTING: a concurrent first start keeps the other's key
                    LOG.info("dev issuer: generated a new RSA signing key in {}", file);
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(tmp);
                }
            }
            return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("dev issuer key file " + keyFile, e);
        } catch (ParseException e) {
            throw new IllegalStateException("dev issuer key file " + keyFile + " is not an RSA JWK: " + e.getMessage(),
                    e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("dev-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the data directory's own ACL applies
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The public half only, as {@code GET /auth/jwks.json} serves it. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    RSAKey key() {
        return key;
    }

    /** A signed token for subject in tenant with roles, valid for ttl from now. */
    public String mint(String subject, String tenant, List<Role> roles, Duration ttl) {
        return sign(key, issuer, subject, tenant, roles, Instant.now(), Instant.now().plus(ttl), claims);
    }

    /** Signs claims as the dev issuer would (tests use it for expired and foreign tokens). */
    public static String sign(RSAKey key, String issuer, String subject, String tenant, List<Role> roles,
            Instant issuedAt, Instant expiresAt, SecurityProperties.Jwt claims) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer).subject(subject)
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt)).jwtID(UUID.randomUUID().toString());
        Map<String, Object> nested = new LinkedHashMap<>();
        put(nested, claims.tenantClaim(), tenant);
        put(nested, claims.rolesClaim(), roles.stream().map(Role::wireName).toList());
        nested.forEach(b::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), b.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
        return jwt.serialize();
    }

    /** Puts value at a dotted claim path ({@code realm_access.roles}) so dev tokens look like the IdP's. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        at.put(parts[parts.length - 1], value);
    }
}
