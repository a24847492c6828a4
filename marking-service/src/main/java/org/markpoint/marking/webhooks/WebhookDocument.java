package org.markpoint.marking.webhooks;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An LMS's subscription: where to POST, which events, and the secret deliveries are signed with. */
@Document("webhooks")
public record WebhookDocument(@Id String id, @Indexed String tenantId, String url, List<String> events,
                              String secret, String description, Instant createdAt) {

    public boolean wants(String event) {
        return events.contains(event);
    }
}
