package org.markpoint.model.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway-to-service identity assertion: two headers, {@value #HEADER} (base64url JSON of the
 * {@link Identity}) and {@value #SIGNATURE_HEADER} (base64url HMAC-SHA256 of the first header's value under the
 * secret every service shares with the gateway). The gateway strips both from incoming requests and adds its own;
 * services accept a request only when the signature verifies and the assertion has not expired.
 */
public final class IdentityCodec {

    public static final String HEADER = "X-Markpoint-Identity";
    public static final String SIGNATURE_HEADER = "X-Markpoint-Identity-Signature";
    /** Below this many bytes a secret is refused: a guessable secret would let anyone forge identities. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    /** Initialised once and never used itself: each signature clones it (cheaper than a provider look-up + init). */
    private final Mac prototype;

    public IdentityCodec(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the internal identity secret must be at least " + MIN_SECRET_BYTES
                    + " bytes (set markpoint.security.internal-secret / MARKPOINT_INTERNAL_SECRET)");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.prototype = newMac();
    }

    /** The two header values, in order {@value #HEADER}, {@value #SIGNATURE_HEADER}. */
    public Headers sign(Identity identity) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sub", identity.subject());
        json.put("tenant", identity.tenant());
        json.put("roles", identity.roles().stream().map(Role::wireName).sorted().toList());
        json.put("scopes", new TreeSet<>(identity.scopes()));
        json.put("exp", identity.expiresAt().getEpochSecond());
        String value = B64.encodeToString(MAPPER.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
        return new Headers(value, B64.encodeToString(mac(value)));
    }

    /**
     * The identity if {@code signature} is this secret's signature of {@code value} and it has not expired at
     * {@code now}; empty for anything else (missing, tampered, expired, malformed), so callers answer 401.
     */
    public Optional<Identity> verify(String value, String signature, Instant now) {
        if (value == null || signature == null || value.length() > 8192) {
            return Optional.empty();
        }
        byte[] given;
        try {
            given = B64D.decode(signature);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(value), given)) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(B64D.decode(value));
            Instant exp = Instant.ofEpochSecond(node.required("exp").asLong());
            if (!now.isBefore(exp)) {
                return Optional.empty();
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (JsonNode r : node.path("roles")) {
                Role.ofWireName(r.asString()).ifPresent(roles::add);
            }
            List<String> scopes = new ArrayList<>();
            for (JsonNode s : node.path("scopes")) {
                scopes.add(s.asString());
            }
            return Optional.of(new Identity(node.required("sub").asString(), node.required("tenant").asString(),
                    roles, Set.copyOf(scopes), exp));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String value) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            mac = newMac();
        }
        return mac.doFinal(value.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Header values to put on a request to a service. */
    public record Headers(String identity, String signature) {
    }
}
