package org.markpoint.model.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What travels on a topic: identity and provenance of the event around its body. */
public record EventEnvelope<T extends MarkpointEvent>(UUID eventId, String type, int schemaVersion,
                                                      Instant occurredAt, String tenantId, T body) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(body, "body");
    }

    public static <T extends MarkpointEvent> EventEnvelope<T> wrap(String tenantId, T body, Instant at) {
        EventType type = EventType.of(body);
        return new EventEnvelope<>(UUID.randomUUID(), type.wireName(), type.schemaVersion(), at, tenantId, body);
    }

    public String topic() {
        return Topics.of(body);
    }

    public String key() {
        return body.partitionKey();
    }
}
