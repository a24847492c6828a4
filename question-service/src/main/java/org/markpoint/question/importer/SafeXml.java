package org.markpoint.question.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * XML in and out for the importers, locked down: a DOCTYPE is refused outright (so no external entities, no
 * entity-expansion bombs), no XInclude, no external DTD or schema fetches, and inputs over a size limit are refused
 * before parsing.
 */
final class SafeXml {

    /** An upload bigger than this is not a question file. */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    private SafeXml() {
    }

    /** Thrown for anything that is not acceptable XML: malformed, a DOCTYPE, too large. */
    static final class XmlRejected extends RuntimeException {
        XmlRejected(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static Document parse(byte[] xml) {
        if (xml.length > MAX_BYTES) {
            throw new XmlRejected("XML is " + xml.length + " bytes; the limit is " + MAX_BYTES, null);
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new XmlRejected("not acceptable XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new XmlRejected("cannot read XML: " + e.getMessage(), e);
        }
    }

    static Document newDocument() {
        try {
            return factory().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String write(Node node, boolean declaration) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, declaration ? "no" : "yes");
            t.setOutputProperty(OutputKeys.INDENT, declaration ? "yes" : "no");
            if (declaration) {
                t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            }
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    /** Child elements of {@code parent} with this local name, ignoring namespaces. */
    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && localName.equals(local(e))) {
                out.add(e);
            }
        }
        return out;
    }

    static java.util.Optional<Element> child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found.getFirst());
    }

    /** Descendant elements (document order) with this local name. */
    static List<Element> descendants(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** Text of {@code parent/name/text} (Moodle's shape), or of {@code parent/name} when it has no text child. */
    static String text(Element parent, String name) {
        return child(parent, name).map(e -> child(e, "text").map(Node::getTextContent).orElse(e.getTextContent()))
                .map(String::strip).orElse("");
    }
}
