package org.markpoint.question.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.question.authoring.QuestionDocument;
import org.markpoint.question.bank.SchemeWarning;

/**
 * A question as the API shows it (no outbox, no tenant): its latest version, which an author edits.
 * {@code status} is that version's (draft, published, retired); {@code publishedVersion} is the version markers use
 * (0 when none was ever published). {@code warnings} flag marks that do not add up.
 */
public record QuestionView(String id, String unitId, List<String> learningOutcomes, String context,
                           MarkingScheme scheme, int version, String status, int publishedVersion,
                           List<SchemeWarning> warnings, Instant createdAt, Instant updatedAt) {

    static QuestionView of(QuestionDocument d) {
        return new QuestionView(d.id(), d.unitId(), d.learningOutcomes(), d.context(), d.scheme(), d.version(),
                d.status().name().toLowerCase(Locale.ROOT), d.publishedVersion(), d.warnings(), d.createdAt(),
                d.updatedAt());
    }
}
