package org.markpoint.question.authoring;

import java.time.Instant;
import java.util.List;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.question.bank.SchemeWarning;

/** One version of a question: its content, frozen once published, and when it went live and was replaced. */
public record QuestionVersion(int number, VersionStatus status, String unitId, List<String> learningOutcomes,
                              String context, MarkingScheme scheme, List<SchemeWarning> warnings,
                              Instant createdAt, Instant publishedAt, Instant endedAt) {

    public QuestionVersion {
        learningOutcomes = learningOutcomes == null ? List.of() : List.copyOf(learningOutcomes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        context = context == null ? "" : context;
        unitId = unitId == null ? "" : unitId;
    }

    QuestionVersion withStatus(VersionStatus next, Instant at) {
        Instant published = next == VersionStatus.PUBLISHED ? at : publishedAt;
        Instant ended = next == VersionStatus.SUPERSEDED || next == VersionStatus.RETIRED ? at : endedAt;
        return new QuestionVersion(number, next, unitId, learningOutcomes, context, scheme, warnings, createdAt,
                published, ended);
    }

    boolean sameContent(String otherUnit, List<String> otherOutcomes, String otherContext, MarkingScheme other) {
        return unitId.equals(otherUnit == null ? "" : otherUnit) && learningOutcomes.equals(otherOutcomes)
                && context.equals(otherContext == null ? "" : otherContext) && scheme.equals(other);
    }
}
