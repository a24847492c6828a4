package org.markpoint.question.bank;

import java.util.List;

/**
 * What an import produced: units, their questions, what was skipped with reasons, and warnings about what was
 * taken but had to be derived or looked wrong on the page (a missing title, counts that disagree, ...).
 */
public record SampleBank(List<Unit> units, List<QuestionSpec> questions, List<ImportIssue> skipped,
                         List<ImportIssue> warnings) {

    public SampleBank {
        units = units == null ? List.of() : List.copyOf(units);
        questions = questions == null ? List.of() : List.copyOf(questions);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The original shape, kept so callers written against it still compile. */
    public SampleBank(List<Unit> units, List<QuestionSpec> questions, List<ImportIssue> skipped) {
        this(units, questions, skipped, List.of());
    }
}
