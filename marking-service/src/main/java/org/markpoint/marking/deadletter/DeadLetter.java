package org.markpoint.marking.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One record on a {@code .dlt} topic, as the admin API shows it. {@code id} is {@code <dlt topic>-<partition>-<offset>};
 * {@code reason} comes from the headers the listener's error handler wrote; {@code replay} is set once it was replayed.
 * {@code payload} and {@code headers} are only filled in when a single dead letter is inspected.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(String id, String topic, int partition, long offset, Instant deadAt, String originalTopic,
                         Integer originalPartition, Long originalOffset, String consumerGroup, String key,
                         Reason reason, String eventId, String eventType, Replay replay, String payload,
                         Map<String, String> headers) {

    /** Why it failed: the exception class, its message and the root cause's class. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String exception, String message, String cause) {
    }

    /** Where the replay went. */
    public record Replay(Instant at, String topic, int partition, long offset) {
    }

    DeadLetter withReplay(Replay r) {
        return new DeadLetter(id, topic, partition, offset, deadAt, originalTopic, originalPartition, originalOffset,
                consumerGroup, key, reason, eventId, eventType, r, payload, headers);
    }

    DeadLetter summary() {
        return new DeadLetter(id, topic, partition, offset, deadAt, originalTopic, originalPartition, originalOffset,
                consumerGroup, key, reason, eventId, eventType, replay, null, null);
    }
}
