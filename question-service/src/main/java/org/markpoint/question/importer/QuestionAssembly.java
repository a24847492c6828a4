package org.markpoint.question.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markpoint.model.scheme.CommandWord;
import org.markpoint.model.scheme.GlossaryTerm;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.model.scheme.Misconception;
import org.markpoint.model.scheme.SchemeValidation;
import org.markpoint.question.bank.ImportIssue;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.SchemeChecks;
import org.w3c.dom.Element;

/**
 * The checks every file import applies to a question before taking it: a stem, at least one marking point (or a
 * model answer), a known command word, marks that add up. A question that fails is skipped with the reason; one
 * that is usable but odd (points worth more or less than the maximum) is taken with a warning.
 */
final class QuestionAssembly {

    private static final Pattern MARKS_NOTE = Pattern.compile("\\s*[(\\[](\\d{1,2})\\s*marks?[)\\]]\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** A question as read from a file, before the checks. */
    record Draft(String id, String stem, String context, int maxMarks, List<String> learningOutcomes,
                 String commandWord, List<MarkingPoint> points, List<Misconception> misconceptions,
                 List<GlossaryTerm> glossary, String modelAnswer) {

        /** Reads stem and context from question HTML, and command word and outcomes from Markpoint tags. */
        static Draft fromQuestionText(String id, String html, int grade, List<String> tags) {
            String stem = HtmlText.plain(html);
            String context = "";
            Optional<Element> xhtml = HtmlText.asXhtml(html);
            if (xhtml.isPresent()) {
                List<Element> stems = SchemeMarkup.withClass(xhtml.get(), "markpoint-stem");
                List<Element> contexts = SchemeMarkup.withClass(xhtml.get(), "markpoint-context");
                if (!stems.isEmpty()) {
                    stem = stems.getFirst().getTextContent().strip();
                }
                if (!contexts.isEmpty()) {
                    context = contexts.getFirst().getTextContent().strip();
                }
            }
            String command = "";
            List<String> outcomes = new ArrayList<>();
            for (String tag : tags) {
                if (tag.startsWith(MoodleXmlExporter.TAG_COMMAND)) {
                    command = tag.substring(MoodleXmlExporter.TAG_COMMAND.length());
                } else if (tag.startsWith(MoodleXmlExporter.TAG_OUTCOME)) {
                    outcomes.add(tag.substring(MoodleXmlExporter.TAG_OUTCOME.length()));
                }
            }
            return new Draft(id, stem, context, grade, outcomes, command, List.of(), List.of(), List.of(), "");
        }

        Draft withMarkup(SchemeMarkup.Read read) {
            return new Draft(id, stem, context, read.maxMarks() > 0 ? read.maxMarks() : maxMarks,
                    read.learningOutcomes().isEmpty() ? learningOutcomes : read.learningOutcomes(),
                    read.commandWord().isEmpty() ? commandWord : read.commandWord(), read.points(),
                    read.misconceptions(), read.glossary(), read.modelAnswer());
        }

        /** Points from free-text grader notes: one per line, "(2 marks)" honoured, lead-in lines ending ":" skipped. */
        Draft withGenericPoints(List<String> lines) {
            AcceptPhrases accept = new AcceptPhrases(Map.of(), List.of());
            List<MarkingPoint> out = new ArrayList<>();
            for (String line : lines) {
                if (line.endsWith(":")) {
                    continue;
                }
                int marks = 1;
                String text = line;
                Matcher m = MARKS_NOTE.matcher(line);
                if (m.find()) {
                    marks = Integer.parseInt(m.group(1));
                    text = line.substring(0, m.start()).strip();
                }
                String lo = learningOutcomes.isEmpty() ? "" : learningOutcomes.getFirst();
                out.add(new MarkingPoint(id + "-p" + (out.size() + 1), text, accept.forPoint(text, List.of()),
                        List.of(), marks, lo));
            }
            return withPoints(out);
        }

        Draft withPoints(List<MarkingPoint> newPoints) {
            return new Draft(id, stem, context, maxMarks, learningOutcomes, commandWord, newPoints, misconceptions,
                    glossary, modelAnswer);
        }
    }

    Optional<QuestionSpec> build(String source, String item, String unitId, Draft d, List<ImportIssue> skipped,
                                 List<ImportIssue> warnings) {
        String label = item + " (" + d.id() + ")";
        if (d.stem().isBlank()) {
            skipped.add(new ImportIssue(source, label, "no question text"));
            return Optional.empty();
        }
        if (d.points().isEmpty() && d.modelAnswer().isBlank()) {
            skipped.add(new ImportIssue(source, label, "no marking point and no model answer: nothing to mark against"));
            return Optional.empty();
        }
        String command = d.commandWord();
        if (!command.isBlank() && CommandWord.parse(command).isEmpty()) {
            skipped.add(new ImportIssue(source, label, "unknown command word '" + command + "'"));
            return Optional.empty();
        }
        if (command.isBlank()) {
            command = CommandWord.parse(d.stem().split("\\s+")[0].replaceAll("[^A-Za-z]", ""))
                    .map(CommandWord::wireName).orElse("");
            if (command.isBlank()) {
                warnings.add(new ImportIssue(source, label, "no command word given or at the start of the stem"));
            }
        }
        int total = d.points().stream().mapToInt(MarkingPoint::marks).sum();
        int max = d.maxMarks() > 0 ? d.maxMarks() : Math.max(1, total);
        SchemeChecks.Checked checked = SchemeChecks.marks(new MarkingScheme(d.stem(), command, max, d.modelAnswer(),
                d.points(), d.misconceptions(), d.glossary()), "scheme");
        checked.warnings().forEach(w -> warnings.add(new ImportIssue(source, label, w.message())));
        MarkingScheme scheme = checked.scheme();
        List<SchemeValidation.Violation> violations = SchemeValidation.validate(scheme, "scheme");
        if (!violations.isEmpty()) {
            skipped.add(new ImportIssue(source, label, violations.stream().map(v -> v.field() + " " + v.message())
                    .reduce((a, b) -> a + "; " + b).orElse("invalid scheme")));
            return Optional.empty();
        }
        return Optional.of(new QuestionSpec(d.id(), unitId, d.learningOutcomes(), d.context(), scheme));
    }
}
