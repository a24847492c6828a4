package org.markpoint.marking.support;

import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;

/**
 * An event a document owes, stored inside that document in the same write as the change that caused it;
 * {@link OutboxRelay} publishes it and removes it. This is how we get "saved implies published" without transactions.
 */
public record OutboxEntry(String eventId, String topic, String key, String payload) {

    private static final EventCodec CODEC = new EventCodec();

    public static OutboxEntry of(EventEnvelope<?> envelope) {
        return new OutboxEntry(envelope.eventId().toString(), envelope.topic(), envelope.key(),
                CODEC.encode(envelope));
    }
}
