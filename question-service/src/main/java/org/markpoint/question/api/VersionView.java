package org.markpoint.question.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.question.authoring.QuestionVersion;
import org.markpoint.question.bank.SchemeWarning;

/** One version of a question: draft, published (live), superseded (by a later one) or retired. */
public record VersionView(int version, String status, String unitId, List<String> learningOutcomes, String context,
                          MarkingScheme scheme, List<SchemeWarning> warnings, Instant createdAt,
                          Instant publishedAt, Instant endedAt) {

    static VersionView of(QuestionVersion v) {
        return new VersionView(v.number(), v.status().name().toLowerCase(Locale.ROOT), v.unitId(),
                v.learningOutcomes(), v.context(), v.scheme(), v.warnings(), v.createdAt(), v.publishedAt(),
                v.endedAt());
    }

    /** Every version of one question, oldest first. */
    record History(String questionId, int publishedVersion, List<VersionView> versions) {
    }
}
