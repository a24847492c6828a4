package org.markpoint.question.authoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.question.support.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/** A question's current version; {@code outbox} holds the events this state owes until the relay publishes them. */
@Document("questions")
@CompoundIndexes({
    @CompoundIndex(name = "tenant_unit", def = "{'tenantId': 1, 'unitId': 1, '_id': 1}"),
    @CompoundIndex(name = "tenant_outcome", def = "{'tenantId': 1, 'learningOutcomes': 1}")
})
public record QuestionDocument(@Id String id, String tenantId, String unitId, List<String> learningOutcomes,
                               String context, MarkingScheme scheme, int version, QuestionStatus status,
                               Instant createdAt, Instant updatedAt, List<OutboxEntry> outbox) {

    public QuestionDocument {
        learningOutcomes = learningOutcomes == null ? List.of() : List.copyOf(learningOutcomes);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        context = context == null ? "" : context;
        unitId = unitId == null ? "" : unitId;
    }

    /** Freezes this content as the next published version and owes {@code QuestionPublished} for it. */
    public QuestionDocument publish(Instant at) {
        int next = version + 1;
        QuestionPublished event = new QuestionPublished(id, next, unitId, learningOutcomes, scheme);
        List<OutboxEntry> owed = new ArrayList<>(outbox);
        owed.add(OutboxEntry.of(EventEnvelope.wrap(tenantId, event, at)));
        return new QuestionDocument(id, tenantId, unitId, learningOutcomes, context, scheme, next,
                QuestionStatus.PUBLISHED, createdAt, at, owed);
    }
}
