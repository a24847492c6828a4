package org.markpoint.model.event;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON wire form of {@link EventEnvelope}: the {@code type} field picks the body record. */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // additive evolution
                .build();
    }

    public String encode(EventEnvelope<?> envelope) {
        return mapper.writeValueAsString(envelope);
    }

    public EventEnvelope<MarkpointEvent> decode(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("event is not a JSON object");
        }
        String typeName = root.path("type").asString("");
        EventType type = EventType.ofWireName(typeName)
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + typeName + "'"));
        try {
            MarkpointEvent body = mapper.treeToValue(root.required("body"), type.bodyType());
            return new EventEnvelope<>(
                    java.util.UUID.fromString(root.required("eventId").asString()),
                    typeName,
                    root.path("schemaVersion").asInt(type.schemaVersion()),
                    java.time.Instant.parse(root.required("occurredAt").asString()),
                    root.required("tenantId").asString(),
                    body);
        } catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new MalformedEventException("invalid " + typeName + ": " + e.getMessage(), e);
        }
    }
}
