package org.markpoint.question.bank;

import java.util.List;
import org.markpoint.model.scheme.GlossaryTerm;
import org.markpoint.model.scheme.Misconception;

/**
 * A unit of a qualification with its revision content as imported from a revision page.
 * {@code misconceptions} are the page's "Misconception: ... Correction: ..." pairs; {@code commonMistakes} are the
 * page's plain "common mistakes" lines, which name an error but give no correction to show a learner.
 */
public record Unit(String id, String code, String title, String qualification, String synopsis,
                   List<String> keyConcepts, List<String> examTips, List<String> keySkills,
                   List<String> prerequisites, List<LearningOutcome> learningOutcomes,
                   List<Misconception> misconceptions, List<GlossaryTerm> keyTerms, String source,
                   String awardingBody, List<String> overview, List<String> commonMistakes,
                   List<CommandWordGuidance> commandWordGuidance) {

    public Unit {
        keyConcepts = keyConcepts == null ? List.of() : List.copyOf(keyConcepts);
        examTips = examTips == null ? List.of() : List.copyOf(examTips);
        keySkills = keySkills == null ? List.of() : List.copyOf(keySkills);
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
        learningOutcomes = learningOutcomes == null ? List.of() : List.copyOf(learningOutcomes);
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
        keyTerms = keyTerms == null ? List.of() : List.copyOf(keyTerms);
        source = source == null ? "" : source;
        awardingBody = awardingBody == null ? "" : awardingBody;
        overview = overview == null ? List.of() : List.copyOf(overview);
        commonMistakes = commonMistakes == null ? List.of() : List.copyOf(commonMistakes);
        commandWordGuidance = commandWordGuidance == null ? List.of() : List.copyOf(commandWordGuidance);
    }

    /** The original shape, kept so callers written against it still compile. */
    public Unit(String id, String code, String title, String qualification, String synopsis,
                List<String> keyConcepts, List<String> examTips, List<String> keySkills,
                List<String> prerequisites, List<LearningOutcome> learningOutcomes,
                List<Misconception> misconceptions, List<GlossaryTerm> keyTerms, String source) {
        this(id, code, title, qualification, synopsis, keyConcepts, examTips, keySkills, prerequisites,
                learningOutcomes, misconceptions, keyTerms, source, "", List.of(), List.of(), List.of());
    }

    /** The same unit with these learning outcomes. */
    public Unit withOutcomes(List<LearningOutcome> outcomes) {
        return new Unit(id, code, title, qualification, synopsis, keyConcepts, examTips, keySkills, prerequisites,
                outcomes, misconceptions, keyTerms, source, awardingBody, overview, commonMistakes,
                commandWordGuidance);
    }
}
