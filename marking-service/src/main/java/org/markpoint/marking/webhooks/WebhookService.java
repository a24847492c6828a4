package org.markpoint.marking.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.markpoint.marking.support.ConflictException;
import org.markpoint.marking.support.InvalidRequestException;
import org.markpoint.marking.support.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook subscriptions per tenant and the events they are owed: {@link #emit} stores one pending delivery per
 * subscribed webhook; {@link WebhookDispatcher} sends them.
 */
@Service
public class WebhookService {

    public static final String BATCH_COMPLETED = "batch.completed";
    public static final String MARK_OVERRIDDEN = "mark.overridden";
    public static final List<String> EVENTS = List.of(BATCH_COMPLETED, MARK_OVERRIDDEN);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Clock clock;
    private final WebhookProperties props;

    public WebhookService(MongoTemplate mongo, Clock clock, WebhookProperties props) {
        this.mongo = mongo;
        this.clock = clock;
        this.props = props;
    }

    /** Registers a webhook; the returned document carries the secret, which is shown to the caller this once. */
    public WebhookDocument register(String tenantId, String url, List<String> events, String description) {
        URI uri = validUrl(url);
        if (events == null || events.isEmpty()) {
            throw new InvalidRequestException("events", "name at least one of " + EVENTS);
        }
        List<String> wanted = events.stream().distinct().toList();
        wanted.stream().filter(e -> !EVENTS.contains(e)).findFirst().ifPresent(e -> {
            throw new InvalidRequestException("events", "unknown event '" + e + "'; known: " + EVENTS);
        });
        if (mongo.count(new Query(Criteria.where("tenantId").is(tenantId)), WebhookDocument.class)
                >= props.maxPerTenant()) {
            throw new ConflictException("this tenant already has " + props.maxPerTenant()
                    + " webhooks; delete one first");
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        WebhookDocument hook = new WebhookDocument(UUID.randomUUID().toString(), tenantId, uri.toString(), wanted,
                "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key),
                description == null ? "" : description, clock.instant());
        return mongo.insert(hook);
    }

    public List<WebhookDocument> list(String tenantId) {
        return mongo.find(new Query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("createdAt")),
                WebhookDocument.class);
    }

    public WebhookDocument get(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)),
                WebhookDocument.class)).orElseThrow(() -> new NotFoundException("webhook", id));
    }

    /** Deletes the webhook; deliveries not yet made are dropped with it, the log of past ones stays readable. */
    public void delete(String tenantId, String id) {
        get(tenantId, id);
        mongo.remove(new Query(Criteria.where("_id").is(id)), WebhookDocument.class);
        mongo.remove(new Query(Criteria.where("webhookId").is(id).and("status").is(DeliveryDocument.PENDING)),
                DeliveryDocument.class);
    }

    /** A page of the webhook's deliveries, newest first; {@code offset} is where the page starts. */
    public List<DeliveryDocument> deliveries(String tenantId, String webhookId, int offset, int limit) {
        get(tenantId, webhookId);
        return mongo.find(new Query(Criteria.where("webhookId").is(webhookId).and("tenantId").is(tenantId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))).skip(offset).limit(limit),
                DeliveryDocument.class);
    }

    /**
     * Owes {@code event} to every webhook of the tenant that subscribed to it. {@code eventId} is stable for one
     * happening (a batch finishing), so calling this twice for it still delivers once.
     */
    public void emit(String tenantId, String event, String eventId, Map<String, Object> data) {
        List<WebhookDocument> hooks = mongo.find(new Query(Criteria.where("tenantId").is(tenantId)
                .and("events").is(event)), WebhookDocument.class);
        if (hooks.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", event);
        body.put("createdAt", now.toString());
        body.put("tenantId", tenantId);
        body.put("data", data);
        String payload = JSON.writeValueAsString(body);
        for (WebhookDocument hook : hooks) {
            String id = UUID.nameUUIDFromBytes((hook.id() + "\u0000" + eventId).getBytes(StandardCharsets.UTF_8))
                    .toString();
            try {
                mongo.insert(new DeliveryDocument(id, hook.id(), tenantId, eventId, event, payload,
                        DeliveryDocument.PENDING, 0, 0, "", now, now, null));
            } catch (DuplicateKeyException alreadyOwed) {
                // the same event emitted again (a resumed batch): it is delivered once
            }
        }
    }

    static URI validUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidRequestException("url", "is required");
        }
        if (url.length() > 2000) {
            throw new InvalidRequestException("url", "must be at most 2000 characters");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidRequestException("url", "must be an http or https URL");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new InvalidRequestException("url", "must name a host");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidRequestException("url", "must not carry credentials; verify the signature instead");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("url", "is not a valid URL");
        }
    }
}
