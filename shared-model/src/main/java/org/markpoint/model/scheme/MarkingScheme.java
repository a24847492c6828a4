package org.markpoint.model.scheme;

import java.util.List;

/**
 * The marking contract an LMS or the bank gives the engine. Evolution is additive: fields are added, never renamed.
 * {@code glossary} holds key terms and their synonyms (the unit's key terminology).
 */
public record MarkingScheme(String stem, String commandWord, int maxMarks, String modelAnswer,
                            List<MarkingPoint> markingPoints, List<Misconception> misconceptions,
                            List<GlossaryTerm> glossary) {

    public MarkingScheme {
        stem = stem == null ? "" : stem;
        commandWord = commandWord == null ? "" : commandWord;
        modelAnswer = modelAnswer == null ? "" : modelAnswer;
        markingPoints = markingPoints == null ? List.of() : List.copyOf(markingPoints);
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
        glossary = glossary == null ? List.of() : List.copyOf(glossary);
    }

    public int pointMarksTotal() {
        return markingPoints.stream().mapToInt(MarkingPoint::marks).sum();
    }
}
