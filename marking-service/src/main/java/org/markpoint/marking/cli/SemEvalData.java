package org.markpoint.marking.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads SemEval-2013 Task 7 question files: question text, reference answers, labelled student answers. */
final class SemEvalData {

    record Answer(String questionId, String question, List<String> references, String text, boolean correct) {
    }

    private SemEvalData() {
    }

    static List<Answer> readDir(Path dir) throws IOException {
        List<Answer> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            for (Path file : files) {
                Document d = f.newDocumentBuilder().parse(file.toFile());
                Element q = d.getDocumentElement();
                String qid = q.getAttribute("id");
                String text = textOf(q, "questionText");
                List<String> refs = new ArrayList<>();
                NodeList rn = q.getElementsByTagName("referenceAnswer");
                for (int i = 0; i < rn.getLength(); i++) {
                    refs.add(rn.item(i).getTextContent().trim());
                }
                NodeList sn = q.getElementsByTagName("studentAnswer");
                for (int i = 0; i < sn.getLength(); i++) {
                    Element s = (Element) sn.item(i);
                    out.add(new Answer(qid, text, List.copyOf(refs), s.getTextContent().trim(),
                            "correct".equals(s.getAttribute("accuracy"))));
                }
            }
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("cannot parse SemEval XML in " + dir, e);
        }
        return out;
    }

    private static String textOf(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
    }
}
