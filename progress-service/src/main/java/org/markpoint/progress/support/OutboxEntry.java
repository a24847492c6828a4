package org.markpoint.progress.support;

import java.time.Instant;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;

/**
 * An event a document owes, stored inside that document in the same write as the change that caused it;
 * {@link OutboxRelay} publishes it and removes it. This is how we get "saved implies published" without transactions.
 *
 * <p>{@code notBefore} (absent for most entries) holds an entry back until then: a quiz answer is saved with its
 * {@code AnswerSubmitted} deferred while it is marked synchronously, so the answer is marked even if the process
 * dies mid-call, and the event is dropped unsent when the synchronous mark succeeds.
 */
public record OutboxEntry(String eventId, String topic, String key, String payload, Instant notBefore) {

    private static final EventCodec CODEC = new EventCodec();

    public static OutboxEntry of(EventEnvelope<?> envelope) {
        return new OutboxEntry(envelope.eventId().toString(), envelope.topic(), envelope.key(),
                CODEC.encode(envelope), null);
    }

    public static OutboxEntry deferred(EventEnvelope<?> envelope, Instant notBefore) {
        return new OutboxEntry(envelope.eventId().toString(), envelope.topic(), envelope.key(),
                CODEC.encode(envelope), notBefore);
    }

    /** The same entry, due now. */
    public OutboxEntry due() {
        return new OutboxEntry(eventId, topic, key, payload, null);
    }
}
