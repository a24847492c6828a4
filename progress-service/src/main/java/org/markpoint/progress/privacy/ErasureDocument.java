package org.markpoint.progress.privacy;

import java.time.Instant;
import java.util.List;
import org.markpoint.progress.support.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A learner's erasure ({@code _id} = the id of the {@code LearnerErased} event it owes, written with it in one
 * document): who asked and when, and when progress-service itself had erased the learner. It names the learner only
 * by pseudonym, and doubles as progress-service's tombstone: a late mark for them is dropped.
 */
@Document("erasures")
@CompoundIndex(name = "tenant_pseudonym", def = "{'tenantId': 1, 'pseudonym': 1}")
record ErasureDocument(@Id String id, String tenantId, String pseudonym, String requestedBy, Instant requestedAt,
                       Instant acknowledgedAt, List<OutboxEntry> outbox) {

    ErasureDocument {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }
}
