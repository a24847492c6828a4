package org.markpoint.marking.deadletter;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** That a dead letter was replayed, and where the copy landed; {@code _id} is the dead letter's id. */
@Document("dead_letter_replays")
record DeadLetterReplay(@Id String id, String topic, int partition, long offset, Instant at) {

    DeadLetter.Replay view() {
        return new DeadLetter.Replay(at, topic, partition, offset);
    }
}
