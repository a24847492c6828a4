package org.markpoint.question.bank;

import java.util.List;
import org.markpoint.model.scheme.GlossaryTerm;
import org.markpoint.model.scheme.Misconception;

/** A unit of a qualification with its revision content as imported from a revision page. */
public record Unit(String id, String code, String title, String qualification, String synopsis,
                   List<String> keyConcepts, List<String> examTips, List<String> keySkills,
                   List<String> prerequisites, List<LearningOutcome> learningOutcomes,
                   List<Misconception> misconceptions, List<GlossaryTerm> keyTerms, String source) {

    public Unit {
        keyConcepts = keyConcepts == null ? List.of() : List.copyOf(keyConcepts);
        examTips = examTips == null ? List.of() : List.copyOf(examTips);
        keySkills = keySkills == null ? List.of() : List.copyOf(keySkills);
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
        learningOutcomes = learningOutcomes == null ? List.of() : List.copyOf(learningOutcomes);
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
        keyTerms = keyTerms == null ? List.of() : List.copyOf(keyTerms);
        source = source == null ? "" : source;
    }
}
