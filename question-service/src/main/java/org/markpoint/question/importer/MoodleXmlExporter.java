package org.markpoint.question.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.markpoint.model.scheme.CommandWord;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.Unit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes questions as Moodle XML: one category per unit ({@code $course$/top/<unit title>}, idnumber = unit id),
 * then its questions. A one-point recall question (identify, state, define, list) becomes {@code shortanswer} with
 * its accepted phrasings as 100% answers and its rejected ones as 0%; everything else becomes {@code essay} with the
 * marking scheme in {@code graderinfo}.
 */
public final class MoodleXmlExporter {

    static final String TAG_COMMAND = "markpoint-command:";
    static final String TAG_OUTCOME = "markpoint-lo:";

    public String export(List<Unit> units, List<QuestionSpec> questions) {
        Document doc = SafeXml.newDocument();
        Element quiz = doc.createElement("quiz");
        doc.appendChild(quiz);
        Map<String, String> titles = new LinkedHashMap<>();
        units.forEach(u -> titles.put(u.id(), u.title()));
        Map<String, Unit> byId = new LinkedHashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        Map<String, List<QuestionSpec>> grouped = new LinkedHashMap<>();
        units.forEach(u -> grouped.put(u.id(), new java.util.ArrayList<>()));
        questions.forEach(q -> grouped.computeIfAbsent(q.unitId(), k -> new java.util.ArrayList<>()).add(q));
        grouped.forEach((unitId, qs) -> {
            Unit unit = byId.get(unitId);
            quiz.appendChild(category(doc, unitId, unit == null ? unitId : unit.title(),
                    unit == null ? "" : unit.synopsis()));
            qs.forEach(q -> quiz.appendChild(isShortAnswer(q) ? shortAnswer(doc, q) : essay(doc, q)));
        });
        return SafeXml.write(doc, true);
    }

    static boolean isShortAnswer(QuestionSpec q) {
        MarkingScheme s = q.scheme();
        Optional<CommandWord> word = CommandWord.parse(s.commandWord());
        return word.isPresent() && word.get().depth() == 1 && s.markingPoints().size() == 1
                && s.misconceptions().isEmpty() && s.glossary().isEmpty() && s.modelAnswer().isEmpty()
                && q.context().isEmpty()
                && s.markingPoints().getFirst().id().equals(q.id() + "-p1")
                && !s.markingPoints().getFirst().accept().isEmpty()
                && s.markingPoints().getFirst().text().equals(s.markingPoints().getFirst().accept().getFirst());
    }

    private static Element category(Document doc, String unitId, String title, String info) {
        Element q = doc.createElement("question");
        q.setAttribute("type", "category");
        q.appendChild(textHolder(doc, "category", "$course$/top/" + title.replace("/", "//"), null));
        q.appendChild(textHolder(doc, "info", info, "moodle_auto_format"));
        q.appendChild(simple(doc, "idnumber", unitId));
        return q;
    }

    private static Element essay(Document doc, QuestionSpec spec) {
        Element q = common(doc, spec, "essay");
        q.appendChild(simple(doc, "responseformat", "editor"));
        q.appendChild(simple(doc, "responserequired", "1"));
        q.appendChild(simple(doc, "responsefieldlines", "15"));
        q.appendChild(simple(doc, "attachments", "0"));
        q.appendChild(simple(doc, "attachmentsrequired", "0"));
        Element scheme = SchemeMarkup.write(SafeXml.newDocument(), "", spec);
        q.appendChild(cdataHolder(doc, "graderinfo", SafeXml.write(scheme, false)));
        q.appendChild(cdataHolder(doc, "responsetemplate", ""));
        q.appendChild(tags(doc, spec));
        return q;
    }

    private static Element shortAnswer(Document doc, QuestionSpec spec) {
        Element q = common(doc, spec, "shortanswer");
        q.appendChild(simple(doc, "usecase", "0"));
        MarkingPoint point = spec.scheme().markingPoints().getFirst();
        point.accept().forEach(a -> q.appendChild(answer(doc, "100", a)));
        point.reject().forEach(r -> q.appendChild(answer(doc, "0", r)));
        q.appendChild(tags(doc, spec));
        return q;
    }

    private static Element common(Document doc, QuestionSpec spec, String type) {
        Element q = doc.createElement("question");
        q.setAttribute("type", type);
        q.appendChild(textHolder(doc, "name", spec.id(), null));
        q.appendChild(cdataHolder(doc, "questiontext", questionText(spec)));
        q.appendChild(cdataHolder(doc, "generalfeedback", ""));
        q.appendChild(simple(doc, "defaultgrade", Integer.toString(spec.scheme().maxMarks())));
        q.appendChild(simple(doc, "penalty", "0"));
        q.appendChild(simple(doc, "hidden", "0"));
        q.appendChild(simple(doc, "idnumber", spec.id()));
        return q;
    }

    private static String questionText(QuestionSpec spec) {
        Document html = SafeXml.newDocument();
        Element div = html.createElement("div");
        if (!spec.context().isEmpty()) {
            Element context = html.createElement("div");
            context.setAttribute("class", "markpoint-context");
            context.setTextContent(spec.context());
            div.appendChild(context);
        }
        Element stem = html.createElement("p");
        stem.setAttribute("class", "markpoint-stem");
        stem.setTextContent(spec.scheme().stem());
        div.appendChild(stem);
        return SafeXml.write(div, false);
    }

    private static Element tags(Document doc, QuestionSpec spec) {
        Element tags = doc.createElement("tags");
        tags.appendChild(textHolder(doc, "tag", TAG_COMMAND + spec.scheme().commandWord(), null));
        spec.learningOutcomes().forEach(lo -> tags.appendChild(textHolder(doc, "tag", TAG_OUTCOME + lo, null)));
        return tags;
    }

    private static Element answer(Document doc, String fraction, String text) {
        Element a = doc.createElement("answer");
        a.setAttribute("fraction", fraction);
        a.setAttribute("format", "moodle_auto_format");
        Element t = doc.createElement("text");
        t.setTextContent(text);
        a.appendChild(t);
        a.appendChild(cdataHolder(doc, "feedback", ""));
        return a;
    }

    private static Element simple(Document doc, String name, String value) {
        Element e = doc.createElement(name);
        e.setTextContent(value);
        return e;
    }

    private static Element textHolder(Document doc, String name, String text, String format) {
        Element e = doc.createElement(name);
        if (format != null) {
            e.setAttribute("format", format);
        }
        Element t = doc.createElement("text");
        t.setTextContent(text);
        e.appendChild(t);
        return e;
    }

    private static Element cdataHolder(Document doc, String name, String html) {
        Element e = doc.createElement(name);
        e.setAttribute("format", "html");
        Element t = doc.createElement("text");
        if (!html.isEmpty()) {
            t.appendChild(doc.createCDATASection(html));
        }
        e.appendChild(t);
        return e;
    }
}
