package org.markpoint.question.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.markpoint.model.scheme.GlossaryTerm;
import org.markpoint.model.scheme.CommandWord;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.Unit;

/**
 * Generates questions from a parsed unit: one per learning outcome (its points are the examiner criteria that
 * evidence it) and one per examiner criterion (its points are the criterion's own parts). Ids derive from the unit
 * id and page order ({@code <unit>-q<n>}; marking points {@code <unit>-ac<n>-p<k>}), so re-importing a page gives
 * the same ids.
 */
final class QuestionGenerator {

    /** Beyond recall (identify, state, ...) a point has to be developed, not just named, for full credit. */
    private static final int DEVELOPED_POINT_MARKS = 2;
    private static final int MAX_MARKS = 12;

    List<QuestionSpec> generate(ParsedUnit parsed, ImportLog log) {
        Unit unit = parsed.unit();
        AcceptPhrases accept = new AcceptPhrases(parsed.abbreviations(), unit.keyTerms());
        List<GlossaryTerm> glossary = glossary(unit, parsed.abbreviations());
        List<QuestionSpec> out = new ArrayList<>();
        for (ParsedUnit.Outcome outcome : parsed.outcomes()) {
            List<ParsedUnit.Criterion> evidence = parsed.criteria().stream()
                    .filter(c -> c.outcomeId().equals(outcome.id())).toList();
            if (evidence.isEmpty()) {
                evidence = parsed.criteria().stream()
                        .filter(c -> outcome.relatedCriteria().contains(c.number())).toList();
            }
            if (evidence.isEmpty()) {
                log.skip("question on " + outcome.id() + " '" + outcome.title() + "'",
                        "no examiner criterion on the page relates to this outcome, so there is nothing to mark against");
                continue;
            }
            CommandWord word = outcome.question().commandWord();
            List<MarkingPoint> points = new ArrayList<>();
            for (ParsedUnit.Criterion c : evidence) {
                points.add(point(unit.id(), c, 1, c.reading().mainPoints().getFirst(), c.reading().examples(),
                        marksFor(word), outcome.id(), accept));
            }
            out.add(question(unit, glossary, out.size() + 1, List.of(outcome.id()), outcome.question().stem(), word, points));
        }
        for (ParsedUnit.Criterion c : parsed.criteria()) {
            CriterionReading r = c.reading();
            List<MarkingPoint> points = new ArrayList<>();
            int k = 1;
            for (String main : r.mainPoints()) {
                points.add(point(unit.id(), c, k, main, k == 1 ? r.examples() : List.of(), marksFor(r.commandWord()),
                        c.outcomeId(), accept));
                k++;
            }
            for (String component : r.components()) {
                points.add(point(unit.id(), c, k++, component, List.of(), 1, c.outcomeId(), accept));
            }
            List<String> outcomes = c.outcomeId().isEmpty() ? List.of() : List.of(c.outcomeId());
            out.add(question(unit, glossary, out.size() + 1, outcomes, r.stem(), r.commandWord(), points));
        }
        return out;
    }

    private static MarkingPoint point(String unitId, ParsedUnit.Criterion c, int k, String text, List<String> examples,
                                      int marks, String outcomeId, AcceptPhrases accept) {
        return new MarkingPoint(unitId + "-ac" + c.number() + "-p" + k, text, accept.forPoint(text, examples),
                List.of(), marks, outcomeId);
    }

    private static int marksFor(CommandWord word) {
        return word.depth() >= 2 ? DEVELOPED_POINT_MARKS : 1;
    }

    /** The unit's key terms, plus each abbreviation the page defines as a term with its short form as synonym. */
    private static List<GlossaryTerm> glossary(Unit unit, Map<String, String> abbreviations) {
        List<GlossaryTerm> out = new ArrayList<>(unit.keyTerms());
        Set<String> known = new HashSet<>();
        unit.keyTerms().forEach(t -> known.add(t.term().toLowerCase(Locale.ROOT)));
        abbreviations.forEach((expansion, acronym) -> {
            if (known.add(expansion)) {
                out.add(new GlossaryTerm(expansion, "", List.of(acronym)));
            }
        });
        return out;
    }

    private static QuestionSpec question(Unit unit, List<GlossaryTerm> glossary, int n, List<String> outcomes, String stem, CommandWord word,
                                         List<MarkingPoint> points) {
        int total = points.stream().mapToInt(MarkingPoint::marks).sum();
        MarkingScheme scheme = new MarkingScheme(stem, word.wireName(), Math.min(total, MAX_MARKS), "", points,
                unit.misconceptions(), glossary);
        return new QuestionSpec(unit.id() + "-q" + n, unit.id(), outcomes, "", scheme);
    }
}
