package org.markpoint.question.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.question.bank.ImportIssue;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.SampleBank;
import org.markpoint.question.bank.Unit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads Moodle XML: categories become units (the last path segment is the title; idnumber, when set, the id),
 * {@code essay} questions take their scheme from {@code graderinfo} and {@code shortanswer} questions from their
 * answers. Each question is imported or skipped with a reason; other question types are skipped, never guessed at.
 */
public final class MoodleXmlImporter {

    private final QuestionAssembly assembly = new QuestionAssembly();

    public SampleBank importXml(String source, byte[] xml) {
        Document doc = SafeXml.parse(xml);
        Element quiz = doc.getDocumentElement();
        List<ImportIssue> skipped = new ArrayList<>();
        List<ImportIssue> warnings = new ArrayList<>();
        if (!"quiz".equals(SafeXml.local(quiz))) {
            skipped.add(new ImportIssue(source, "file", "the root element is <" + SafeXml.local(quiz)
                    + ">, not Moodle's <quiz>"));
            return new SampleBank(List.of(), List.of(), skipped, warnings);
        }
        Map<String, Unit> units = new LinkedHashMap<>();
        List<QuestionSpec> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Unit current = null;
        int position = 0;
        for (Element q : SafeXml.children(quiz, "question")) {
            position++;
            String type = q.getAttribute("type");
            String name = SafeXml.text(q, "name");
            String item = type + " #" + position + (name.isEmpty() ? "" : " '" + name + "'");
            if (type.equals("category")) {
                current = unit(q);
                units.putIfAbsent(current.id(), current);
                continue;
            }
            if (!type.equals("essay") && !type.equals("shortanswer")) {
                skipped.add(new ImportIssue(source, item, "question type '" + type + "' is not imported (only essay "
                        + "and shortanswer carry a marking scheme)"));
                continue;
            }
            if (current == null) {
                current = new Unit("moodle-default", "", "Default", "", "", null, null, null, null, null, null, null,
                        source);
                units.putIfAbsent(current.id(), current);
                warnings.add(new ImportIssue(source, item, "no category before it; put in unit 'moodle-default'"));
            }
            String id = SafeXml.text(q, "idnumber");
            if (id.isEmpty()) {
                id = current.id() + "-" + (name.isEmpty() ? "q" + position : Words.slug(name));
            }
            if (!ids.add(id)) {
                skipped.add(new ImportIssue(source, item, "duplicate question id '" + id + "'"));
                continue;
            }
            QuestionAssembly.Draft draft = type.equals("essay") ? essay(q, id) : shortAnswer(q, id);
            Optional<QuestionSpec> spec = assembly.build(source, item, current.id(), draft, skipped, warnings);
            spec.ifPresent(questions::add);
        }
        return new SampleBank(List.copyOf(units.values()), questions, skipped, warnings);
    }

    private static Unit unit(Element q) {
        String path = SafeXml.text(q, "category");
        String[] segments = path.split("(?<!/)/(?!/)");
        String title = segments[segments.length - 1].replace("//", "/").strip();
        String idnumber = SafeXml.text(q, "idnumber");
        String id = idnumber.isEmpty() ? Words.slug(title) : idnumber;
        return new Unit(id, "", title, "", SafeXml.text(q, "info"), null, null, null, null, null, null, null, "");
    }

    private static QuestionAssembly.Draft essay(Element q, String id) {
        String questionText = SafeXml.text(q, "questiontext");
        String graderInfo = SafeXml.text(q, "graderinfo");
        QuestionAssembly.Draft draft = QuestionAssembly.Draft.fromQuestionText(id, questionText,
                parseGrade(SafeXml.text(q, "defaultgrade")), tags(q));
        Optional<SchemeMarkup.Read> markup = HtmlText.asXhtml(graderInfo).flatMap(SchemeMarkup::read);
        return markup.map(draft::withMarkup).orElseGet(() -> draft.withGenericPoints(HtmlText.lines(graderInfo)));
    }

    private static QuestionAssembly.Draft shortAnswer(Element q, String id) {
        QuestionAssembly.Draft draft = QuestionAssembly.Draft.fromQuestionText(id,
                SafeXml.text(q, "questiontext"), parseGrade(SafeXml.text(q, "defaultgrade")), tags(q));
        List<String> accept = new ArrayList<>();
        List<String> reject = new ArrayList<>();
        for (Element answer : SafeXml.children(q, "answer")) {
            String text = SafeXml.child(answer, "text").map(e -> e.getTextContent().strip()).orElse("");
            double fraction = parseFraction(answer.getAttribute("fraction"));
            if (text.isEmpty()) {
                continue;
            }
            (fraction > 0 ? accept : reject).add(text);
        }
        if (accept.isEmpty()) {
            return draft;
        }
        int marks = Math.max(1, draft.maxMarks());
        String lo = draft.learningOutcomes().isEmpty() ? "" : draft.learningOutcomes().getFirst();
        return draft.withPoints(List.of(new MarkingPoint(id + "-p1", accept.getFirst(), accept, reject, marks, lo)));
    }

    private static List<String> tags(Element q) {
        List<String> out = new ArrayList<>();
        SafeXml.child(q, "tags").ifPresent(t -> SafeXml.children(t, "tag").forEach(tag ->
                out.add(SafeXml.child(tag, "text").map(e -> e.getTextContent().strip()).orElse(""))));
        return out;
    }

    private static int parseGrade(String text) {
        try {
            return (int) Math.round(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double parseFraction(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
