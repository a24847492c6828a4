package org.markpoint.progress.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The tool's RSA signing keys, kept in the database so every instance signs with and publishes the same ones. Two
 * purposes: {@code tool} keys, one set <em>per tenant</em> (messages to platforms: client assertions, deep-linking
 * responses; published at {@code /lti/jwks/<tenant>}, so an LMS trusts only its own tenant's key and one tenant can
 * never get tokens from another's LMS), and one {@code session} set (the session tokens a launch gives the browser;
 * published for the gateway, tenant ""). Rotating makes a new key current; the old one stays published for the grace
 * period, then drops out.
 */
@Component
class ToolKeys {

    enum Purpose { TOOL, SESSION }

    @Document("lti_keys")
    record StoredKey(@Id String kid, String purpose, String tenantId, String jwk, Instant createdAt,
                     Instant retiredAt) {
    }

    private final MongoTemplate mongo;
    private final LtiProperties props;
    private final Clock clock;

    ToolKeys(MongoTemplate mongo, LtiProperties props, Clock clock) {
        this.mongo = mongo;
        this.props = props;
        this.clock = clock;
    }

    /** The key to sign with now; the first call for a purpose generates it. */
    RSAKey current(Purpose purpose, String tenantId) {
        return active(purpose, tenantId).stream()
                .max(Comparator.comparing(StoredKey::createdAt).thenComparing(StoredKey::kid))
                .map(ToolKeys::parse).orElseGet(() -> parse(create(purpose, tenantId)));
    }

    /** The public keys a verifier should accept: the current ones and those retired within the grace period (may be none). */
    JWKSet published(Purpose purpose, String tenantId) {
        // never makes a key: anyone may ask for any tenant's keys, and asking must not write
        Instant cutoff = clock.instant().minus(props.keyGrace());
        List<StoredKey> keys = mongo.find(new Query(Criteria.where("purpose").is(purpose.name()).and("tenantId")
                .is(tenantId).orOperator(
                Criteria.where("retiredAt").is(null), Criteria.where("retiredAt").gt(cutoff))), StoredKey.class);
        return new JWKSet(keys.stream().sorted(Comparator.comparing(StoredKey::createdAt).reversed())
                .map(k -> (com.nimbusds.jose.jwk.JWK) parse(k).toPublicJWK()).toList());
    }

    /** A new current key; the ones before it are retired now (still published for the grace period). */
    RSAKey rotate(Purpose purpose, String tenantId) {
        current(purpose, tenantId); // a platform may hold the first key already (it is made on first use)
        List<StoredKey> before = active(purpose, tenantId);
        StoredKey fresh = create(purpose, tenantId);
        Instant now = clock.instant();
        for (StoredKey old : before) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(old.kid())), new Update().set("retiredAt", now),
                    StoredKey.class);
        }
        return parse(fresh);
    }

    private List<StoredKey> active(Purpose purpose, String tenantId) {
        return mongo.find(new Query(Criteria.where("purpose").is(purpose.name()).and("tenantId").is(tenantId)
                .and("retiredAt").is(null)), StoredKey.class);
    }

    private StoredKey create(Purpose purpose, String tenantId) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(purpose.name().toLowerCase() + "-" + UUID.randomUUID()).generate();
            return mongo.insert(new StoredKey(key.getKeyID(), purpose.name(), tenantId, key.toJSONString(),
                    clock.instant(), null));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA key", e);
        }
    }

    private static RSAKey parse(StoredKey stored) {
        try {
            return RSAKey.parse(stored.jwk());
        } catch (ParseException e) {
            throw new IllegalStateException("stored LTI key " + stored.kid() + " is not an RSA JWK", e);
        }
    }
}
