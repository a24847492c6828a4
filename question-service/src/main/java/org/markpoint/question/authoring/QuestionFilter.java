package org.markpoint.question.authoring;

/** Search filters for listing questions; blank means "any". */
public record QuestionFilter(String unitId, String outcomeId, String commandWord) {

    public QuestionFilter {
        unitId = unitId == null ? "" : unitId;
        outcomeId = outcomeId == null ? "" : outcomeId;
        commandWord = commandWord == null ? "" : commandWord;
    }
}
