package org.markpoint.question.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.markpoint.model.scheme.GlossaryTerm;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.model.scheme.Misconception;
import org.markpoint.question.bank.QuestionSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A marking scheme as XHTML a grader can read (Moodle's grader information, a QTI scorer rubric) that also carries
 * every field in {@code data-*} attributes and classed elements, so an export imports back to the same scheme.
 * Schemes written by other tools have none of this; the importers fall back to reading their text.
 */
final class SchemeMarkup {

    static final String ROOT_CLASS = "markpoint-scheme";

    /** What the markup holds beyond the stem, which lives in the question text. */
    record Read(String unitId, List<String> learningOutcomes, String commandWord, int maxMarks, String modelAnswer,
                List<MarkingPoint> points, List<Misconception> misconceptions, List<GlossaryTerm> glossary) {
    }

    private SchemeMarkup() {
    }

    static Element write(Document doc, String namespace, QuestionSpec question) {
        MarkingScheme s = question.scheme();
        Html h = new Html(doc, namespace);
        Element root = h.el("div", ROOT_CLASS);
        root.setAttribute("data-unit", question.unitId());
        root.setAttribute("data-learning-outcomes", String.join(" ", question.learningOutcomes()));
        root.setAttribute("data-command-word", s.commandWord());
        root.setAttribute("data-max-marks", Integer.toString(s.maxMarks()));
        root.appendChild(h.text("p", "summary", "Command word: " + s.commandWord() + ". Maximum marks: "
                + s.maxMarks() + "."));
        Element points = h.el("ol", "marking-points");
        for (MarkingPoint p : s.markingPoints()) {
            Element li = h.el("li", "marking-point");
            li.setAttribute("data-id", p.id());
            li.setAttribute("data-marks", Integer.toString(p.marks()));
            li.setAttribute("data-learning-outcome", p.learningOutcome());
            li.appendChild(h.text("span", "point", p.text()));
            li.appendChild(h.phrases("accept", "Accept: ", p.accept()));
            li.appendChild(h.phrases("reject", "Do not accept: ", p.reject()));
            points.appendChild(li);
        }
        root.appendChild(points);
        Element misconceptions = h.el("ul", "misconceptions");
        for (Misconception m : s.misconceptions()) {
            Element li = h.el("li", "misconception");
            li.setAttribute("data-id", m.id());
            li.appendChild(h.text("span", "pattern", m.pattern()));
            li.appendChild(h.text("span", "correction", m.correction()));
            misconceptions.appendChild(li);
        }
        root.appendChild(misconceptions);
        Element glossary = h.el("ul", "glossary");
        for (GlossaryTerm g : s.glossary()) {
            Element li = h.el("li", "term");
            li.appendChild(h.text("span", "name", g.term()));
            li.appendChild(h.text("span", "definition", g.definition()));
            li.appendChild(h.phrases("synonyms", "Synonyms: ", g.synonyms()));
            glossary.appendChild(li);
        }
        root.appendChild(glossary);
        root.appendChild(h.text("div", "model-answer", s.modelAnswer()));
        return root;
    }

    /** Reads the scheme markup under {@code container}, if there is any. */
    static Optional<Read> read(Element container) {
        Optional<Element> found = withClass(container, ROOT_CLASS).stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Element root = found.get();
        List<MarkingPoint> points = new ArrayList<>();
        for (Element li : withClass(root, "marking-point")) {
            points.add(new MarkingPoint(li.getAttribute("data-id"), classText(li, "point"), phrases(li, "accept"),
                    phrases(li, "reject"), parseInt(li.getAttribute("data-marks"), 1),
                    li.getAttribute("data-learning-outcome")));
        }
        List<Misconception> misconceptions = new ArrayList<>();
        for (Element li : withClass(root, "misconception")) {
            misconceptions.add(new Misconception(li.getAttribute("data-id"), classText(li, "pattern"),
                    classText(li, "correction")));
        }
        List<GlossaryTerm> glossary = new ArrayList<>();
        for (Element li : withClass(root, "term")) {
            glossary.add(new GlossaryTerm(classText(li, "name"), classText(li, "definition"), phrases(li, "synonyms")));
        }
        List<String> outcomes = Arrays.stream(root.getAttribute("data-learning-outcomes").split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        return Optional.of(new Read(root.getAttribute("data-unit"), outcomes, root.getAttribute("data-command-word"),
                parseInt(root.getAttribute("data-max-marks"), 0), classText(root, "model-answer"), points,
                misconceptions, glossary));
    }

    static List<Element> withClass(Element root, String cls) {
        List<Element> out = new ArrayList<>();
        if (hasClass(root, cls)) {
            out.add(root);
        }
        for (Element e : SafeXml.descendants(root, "*")) {
            if (hasClass(e, cls)) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean hasClass(Element e, String cls) {
        return Arrays.asList(e.getAttribute("class").split("\\s+")).contains(cls);
    }

    private static String classText(Element root, String cls) {
        List<Element> found = withClass(root, cls);
        return found.isEmpty() ? "" : found.getFirst().getTextContent().strip();
    }

    private static List<String> phrases(Element root, String cls) {
        List<Element> found = withClass(root, cls);
        if (found.isEmpty()) {
            return List.of();
        }
        return withClass(found.getFirst(), "phrase").stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Element building with an optional namespace (QTI content is in the QTI namespace; Moodle HTML has none). */
    private record Html(Document doc, String namespace) {

        Element el(String name, String cls) {
            Element e = namespace.isEmpty() ? doc.createElement(name) : doc.createElementNS(namespace, name);
            e.setAttribute("class", cls);
            return e;
        }

        Element text(String name, String cls, String text) {
            Element e = el(name, cls);
            e.setTextContent(text);
            return e;
        }

        Element phrases(String cls, String label, List<String> phrases) {
            Element e = el("span", cls);
            e.appendChild(doc.createTextNode(phrases.isEmpty() ? "" : label));
            for (int i = 0; i < phrases.size(); i++) {
                if (i > 0) {
                    e.appendChild(doc.createTextNode("; "));
                }
                e.appendChild(text("span", "phrase", phrases.get(i)));
            }
            return e;
        }
    }
}
