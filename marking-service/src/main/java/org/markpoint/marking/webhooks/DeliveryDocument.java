package org.markpoint.marking.webhooks;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event owed to one webhook. Stored before the first attempt, so a restart carries on where it stopped: the
 * dispatcher picks up every {@code pending} delivery whose {@code nextAttemptAt} has come. The id is derived from the
 * webhook and the event, so emitting the same event twice still delivers it once.
 */
@Document("webhook_deliveries")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
public record DeliveryDocument(@Id String id, String webhookId, String tenantId, String eventId, String event,
                               String payload, String status, int attempts, int lastResponseCode, String lastError,
                               Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
}
