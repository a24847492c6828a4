package org.markpoint.progress.xapi;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored statement. The statement itself is kept as its JSON text: its extension keys are IRIs, full of the dots
 * MongoDB field names must not contain. {@code forwarded} / {@code nextAttemptAt} / {@code attempts} track the LRS.
 */
@Document("xapi_statements")
@CompoundIndexes({
    @CompoundIndex(name = "learner", def = "{'tenantId': 1, 'learnerId': 1, 'stored': 1}"),
    @CompoundIndex(name = "forward", def = "{'forwarded': 1, 'nextAttemptAt': 1}")
})
public record StatementDocument(@Id String id, String tenantId, String learnerId, String verb, Instant timestamp,
                                Instant stored, String json, boolean forwarded, int attempts, Instant nextAttemptAt,
                                String lastError) {
}
