package org.markpoint.question.bank;

import java.util.List;

/** What an import produced: units, their questions, and what was skipped with reasons. */
public record SampleBank(List<Unit> units, List<QuestionSpec> questions, List<ImportIssue> skipped) {

    public SampleBank {
        units = List.copyOf(units);
        questions = List.copyOf(questions);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }
}
