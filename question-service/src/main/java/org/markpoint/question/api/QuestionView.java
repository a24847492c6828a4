package org.markpoint.question.api;

import java.time.Instant;
import java.util.List;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.question.authoring.QuestionDocument;

/** A question as the API shows it (no outbox, no tenant). */
public record QuestionView(String id, String unitId, List<String> learningOutcomes, String context,
                           MarkingScheme scheme, int version, String status, Instant updatedAt) {

    static QuestionView of(QuestionDocument d) {
        return new QuestionView(d.id(), d.unitId(), d.learningOutcomes(), d.context(), d.scheme(), d.version(),
                d.status().name().toLowerCase(java.util.Locale.ROOT), d.updatedAt());
    }
}
