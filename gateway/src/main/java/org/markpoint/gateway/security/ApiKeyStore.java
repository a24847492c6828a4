package org.markpoint.gateway.security;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * API keys in the gateway's own database ({@code api_keys}): create (the secret is returned once and only its
 * SHA-256 kept), list and revoke per tenant, and verify a presented key. Blocking (sync driver): call it off the
 * event loop. {@code lastUsedAt} is written at most once a minute per key.
 */
public final class ApiKeyStore implements AutoCloseable {

    public static final String PREFIX = "mpk_";
    private static final Pattern FORMAT = Pattern.compile("mpk_([A-Za-z0-9]{16})_([A-Za-z0-9_-]{43})");
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final String uri;
    private final String database;
    private final Map<String, Instant> lastUsedWritten = new ConcurrentHashMap<>();
    private MongoClient client;
    private MongoCollection<Document> keys;

    /** Connects on first use: a gateway nobody sends an API key to never opens the database. */
    public ApiKeyStore(String uri, String database) {
        this.uri = uri;
        this.database = database;
    }

    private synchronized MongoCollection<Document> keys() {
        if (keys == null) {
            client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(uri))
                    .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                    .applyToSocketSettings(s -> s.connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                    .build());
            keys = client.getDatabase(database).getCollection("api_keys");
        }
        return keys;
    }

    /** A new key and its one-time secret ({@code mpk_...}). */
    public record Created(ApiKey key, String secret) {
    }

    public Created create(String tenant, String name, List<String> scopes, String createdBy) {
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(ID_CHARS[RANDOM.nextInt(ID_CHARS.length)]);
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secretPart = B64.encodeToString(raw);
        String secret = PREFIX + id + "_" + secretPart;
        ApiKey key = new ApiKey(id.toString(), tenant, name, List.copyOf(scopes), sha256(secretPart), Instant.now(),
                createdBy, null, null);
        keys().insertOne(new Document("_id", key.id()).append("tenant", tenant).append("name", name)
                .append("scopes", key.scopes()).append("secretSha256", key.secretSha256())
                .append("createdAt", Date.from(key.createdAt())).append("createdBy", createdBy)
                .append("lastUsedAt", null).append("revokedAt", null));
        return new Created(key, secret);
    }

    /** The tenant's keys, newest first (revoked ones too, so an admin sees what was withdrawn). */
    public List<ApiKey> list(String tenant) {
        List<ApiKey> out = new ArrayList<>();
        for (Document d : keys().find(Filters.eq("tenant", tenant)).sort(Sorts.descending("createdAt")).limit(1000)) {
            out.add(read(d));
        }
        return out;
    }

    /** Revokes the tenant's key; false when the tenant has no such key (another tenant's id included). */
    public boolean revoke(String tenant, String id) {
        Document d = keys().find(Filters.and(Filters.eq("_id", id), Filters.eq("tenant", tenant))).first();
        if (d == null) {
            return false;
        }
        if (d.get("revokedAt") == null) {
            keys().updateOne(Filters.eq("_id", id), Updates.set("revokedAt", new Date()));
        }
        return true;
    }

    /** The live key a presented secret belongs to; empty for a malformed, unknown, wrong or revoked one. */
    public Optional<ApiKey> verify(String presented, Instant now) {
        Matcher m = FORMAT.matcher(presented);
        if (!m.matches()) {
            return Optional.empty();
        }
        Document d = keys().find(Filters.eq("_id", m.group(1))).first();
        if (d == null) {
            return Optional.empty();
        }
        ApiKey key = read(d);
        byte[] expected = key.secretSha256().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII))
                || key.revoked()) {
            return Optional.empty();
        }
        touch(key.id(), now);
        return Optional.of(key);
    }

    private void touch(String id, Instant now) {
        Instant last = lastUsedWritten.get(id);
        if (last != null && last.plus(LAST_USED_GRANULARITY).isAfter(now)) {
            return;
        }
        lastUsedWritten.put(id, now);
        keys().updateOne(Filters.eq("_id", id), Updates.set("lastUsedAt", Date.from(now)));
    }

    private static ApiKey read(Document d) {
        return new ApiKey(d.getString("_id"), d.getString("tenant"), d.getString("name"),
                d.getList("scopes", String.class, List.of()), d.getString("secretSha256"), instant(d, "createdAt"),
                d.getString("createdBy"), instant(d, "lastUsedAt"), instant(d, "revokedAt"));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
