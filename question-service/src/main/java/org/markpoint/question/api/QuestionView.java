package org.markpoint.question.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.question.authoring.QuestionDocument;
import org.markpoint.question.authoring.QuestionStatus;
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

    /**
     * What a learner sees: the live (published) version, its scheme without the model answer and without the
     * phrasings that earn or lose each point (the point texts stay: feedback after marking names them). Empty for a
     * question with no live version, which a learner cannot see.
     */
    static Optional<QuestionView> forLearner(QuestionDocument d) {
        if (d.status() == QuestionStatus.RETIRED) {
            return Optional.empty();
        }
        return d.version(d.publishedVersion()).map(v -> new QuestionView(d.id(), v.unitId(), v.learningOutcomes(),
                v.context(), redacted(v.scheme()), v.number(), "published", v.number(), List.of(), v.createdAt(),
                v.publishedAt()));
    }

    private static MarkingScheme redacted(MarkingScheme s) {
        return new MarkingScheme(s.stem(), s.commandWord(), s.maxMarks(), "", s.markingPoints().stream()
                .map(p -> new MarkingPoint(p.id(), p.text(), List.of(), List.of(), p.marks(), p.learningOutcome()))
                .toList(), s.misconceptions(), s.glossary());
    }
}
