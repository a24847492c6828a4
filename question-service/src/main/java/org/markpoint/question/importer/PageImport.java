package org.markpoint.question.importer;

import java.util.List;
import org.markpoint.question.bank.ImportIssue;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.Unit;

/** What one revision page produced; {@code criteriaCount} counts every examiner criterion read, linked or not. */
public record PageImport(String source, Unit unit, int criteriaCount, List<QuestionSpec> questions,
                         List<ImportIssue> skipped, List<ImportIssue> warnings) {

    public PageImport {
        questions = List.copyOf(questions);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /** Distinct marking points across the page's questions (a criterion's point shared by two questions counts once). */
    public long markingPointCount() {
        return questions.stream().flatMap(q -> q.scheme().markingPoints().stream()).map(p -> p.id()).distinct().count();
    }

    /** One line for a report: what the page gave. */
    public String summary() {
        return "%s: unit %s | LOs %d, criteria %d, marking points %d, misconceptions %d, common mistakes %d, key terms %d, questions %d, skipped %d, warnings %d"
                .formatted(source, unit.id(), unit.learningOutcomes().size(), criteriaCount(), markingPointCount(),
                        unit.misconceptions().size(), unit.commonMistakes().size(), unit.keyTerms().size(),
                        questions.size(), skipped.size(), warnings.size());
    }
}
