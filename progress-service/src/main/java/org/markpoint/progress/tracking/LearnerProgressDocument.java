package org.markpoint.progress.tracking;

import java.util.List;
import org.markpoint.progress.learner.LearnerProgress;
import org.markpoint.progress.support.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One learner's progress in one document ({@code _id} = tenant + ":" + learner): the state, the ids of applied events
 * and the events owed change together in a single write. {@code version} guards against concurrent writers.
 */
@Document("learner_progress")
@CompoundIndex(name = "tenant_learner", def = "{'tenantId': 1, 'progress.learnerId': 1}")
public record LearnerProgressDocument(@Id String id, String tenantId, LearnerProgress progress,
                                      List<OutboxEntry> outbox, @Version Long version) {

    public LearnerProgressDocument {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    public static String key(String tenantId, String learnerId) {
        return tenantId + ":" + learnerId;
    }
}
