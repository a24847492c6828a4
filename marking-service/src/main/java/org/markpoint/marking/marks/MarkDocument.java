package org.markpoint.marking.marks;

import java.time.Instant;
import java.util.List;
import org.markpoint.marking.engine.MarkResult;
import org.markpoint.marking.support.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stored mark with the scheme version it used; {@code outbox} holds the {@code AnswerMarked} it owes. */
@Document("marks")
@CompoundIndexes({
    @CompoundIndex(name = "tenant_learner", def = "{'tenantId': 1, 'learnerId': 1, 'createdAt': -1}"),
    @CompoundIndex(name = "tenant_question", def = "{'tenantId': 1, 'questionId': 1}")
})
public record MarkDocument(@Id String id, String tenantId, String learnerId, String questionId, int questionVersion,
                           String answer, MarkResult result, Instant createdAt, List<OutboxEntry> outbox) {

    public MarkDocument {
        learnerId = learnerId == null ? "" : learnerId;
        questionId = questionId == null ? "" : questionId;
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }
}
