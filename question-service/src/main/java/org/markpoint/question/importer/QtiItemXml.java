package org.markpoint.question.importer;

import java.util.List;
import java.util.Optional;
import org.markpoint.question.bank.QuestionSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One QTI 3.0 item: a {@code qti-extended-text-interaction} whose prompt is the stem, with the marking scheme in a
 * {@code qti-rubric-block} for the scorer, and SCORE declared as externally scored with the maximum marks.
 */
final class QtiItemXml {

    static final String NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";

    private QtiItemXml() {
    }

    static String write(QuestionSpec q) {
        Document doc = SafeXml.newDocument();
        Element item = doc.createElementNS(NS, "qti-assessment-item");
        doc.appendChild(item);
        item.setAttribute("identifier", identifier(q.id()));
        item.setAttribute("title", q.id());
        item.setAttribute("adaptive", "false");
        item.setAttribute("time-dependent", "false");
        item.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en");
        Element response = el(doc, "qti-response-declaration");
        response.setAttribute("identifier", "RESPONSE");
        response.setAttribute("cardinality", "single");
        response.setAttribute("base-type", "string");
        item.appendChild(response);
        Element score = el(doc, "qti-outcome-declaration");
        score.setAttribute("identifier", "SCORE");
        score.setAttribute("cardinality", "single");
        score.setAttribute("base-type", "float");
        score.setAttribute("external-scored", "externalMachine");
        score.setAttribute("normal-maximum", Integer.toString(q.scheme().maxMarks()));
        item.appendChild(score);
        Element body = el(doc, "qti-item-body");
        Element rubric = el(doc, "qti-rubric-block");
        rubric.setAttribute("use", "scoring");
        rubric.setAttribute("view", "scorer");
        Element content = el(doc, "qti-content-body");
        content.appendChild(SchemeMarkup.write(doc, NS, q));
        rubric.appendChild(content);
        body.appendChild(rubric);
        if (!q.context().isEmpty()) {
            Element context = el(doc, "div");
            context.setAttribute("class", "markpoint-context");
            context.setTextContent(q.context());
            body.appendChild(context);
        }
        Element interaction = el(doc, "qti-extended-text-interaction");
        interaction.setAttribute("response-identifier", "RESPONSE");
        interaction.setAttribute("expected-lines", "10");
        Element prompt = el(doc, "qti-prompt");
        Element stem = el(doc, "p");
        stem.setAttribute("class", "markpoint-stem");
        stem.setTextContent(q.scheme().stem());
        prompt.appendChild(stem);
        interaction.appendChild(prompt);
        body.appendChild(interaction);
        item.appendChild(body);
        return SafeXml.write(doc, true);
    }

    /** QTI identifiers must start with a letter or underscore. */
    static String identifier(String id) {
        return id.matches("[A-Za-z_][A-Za-z0-9_.-]*") ? id : "Q-" + Words.slug(id);
    }

    /** A read item: the draft (with scheme when the rubric has one) and, if the markup names it, its unit. */
    record ReadItem(QuestionAssembly.Draft draft, String unitId) {
    }

    /** Reads an item; empty when it has no extended-text interaction (the only kind that carries a scheme). */
    static Optional<ReadItem> read(Document doc) {
        Element item = doc.getDocumentElement();
        if (!"qti-assessment-item".equals(SafeXml.local(item))) {
            return Optional.empty();
        }
        List<Element> interactions = SafeXml.descendants(item, "qti-extended-text-interaction");
        if (interactions.isEmpty()) {
            return Optional.empty();
        }
        String id = item.getAttribute("identifier");
        Element interaction = interactions.getFirst();
        String stem = SchemeMarkup.withClass(interaction, "markpoint-stem").stream().findFirst()
                .map(e -> e.getTextContent().strip())
                .orElseGet(() -> SafeXml.child(interaction, "qti-prompt").map(e -> e.getTextContent().strip()
                        .replaceAll("\\s+", " ")).orElse(""));
        String context = SchemeMarkup.withClass(item, "markpoint-context").stream().findFirst()
                .map(e -> e.getTextContent().strip()).orElse("");
        int max = SafeXml.descendants(item, "qti-outcome-declaration").stream()
                .filter(o -> "SCORE".equals(o.getAttribute("identifier")))
                .map(o -> parseMarks(o.getAttribute("normal-maximum"))).findFirst().orElse(0);
        QuestionAssembly.Draft draft = new QuestionAssembly.Draft(id, stem, context, max, List.of(), "", List.of(),
                List.of(), List.of(), "");
        Optional<Element> scorerRubric = SafeXml.descendants(item, "qti-rubric-block").stream()
                .filter(r -> r.getAttribute("view").contains("scorer")).findFirst();
        if (scorerRubric.isEmpty()) {
            return Optional.of(new ReadItem(draft, ""));
        }
        Optional<SchemeMarkup.Read> markup = SchemeMarkup.read(scorerRubric.get());
        if (markup.isPresent()) {
            return Optional.of(new ReadItem(draft.withMarkup(markup.get()), markup.get().unitId()));
        }
        List<String> lines = HtmlText.lines(SafeXml.write(scorerRubric.get(), false));
        return Optional.of(new ReadItem(draft.withGenericPoints(lines), ""));
    }

    private static int parseMarks(String text) {
        try {
            return (int) Math.round(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Element el(Document doc, String name) {
        return doc.createElementNS(NS, name);
    }
}
