package org.markpoint.question.importer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.Unit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes questions as a QTI 3.0 content package: {@code imsmanifest.xml} plus one item file per question under
 * {@code items/}. Units are the manifest's organization: one item per unit, holding its questions.
 */
public final class QtiPackageExporter {

    static final String CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";
    static final String ITEM_TYPE = "imsqti_item_xmlv3p0";

    public byte[] export(List<Unit> units, List<QuestionSpec> questions) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("imsmanifest.xml", manifest(units, questions).getBytes(StandardCharsets.UTF_8));
        for (QuestionSpec q : questions) {
            entries.put(href(q), QtiItemXml.write(q).getBytes(StandardCharsets.UTF_8));
        }
        return SafeZip.write(entries);
    }

    static String href(QuestionSpec q) {
        return "items/" + QtiItemXml.identifier(q.id()) + ".xml";
    }

    private static String manifest(List<Unit> units, List<QuestionSpec> questions) {
        Document doc = SafeXml.newDocument();
        Element manifest = el(doc, "manifest");
        manifest.setAttribute("identifier", "MANIFEST-markpoint");
        doc.appendChild(manifest);
        Element metadata = el(doc, "metadata");
        metadata.appendChild(text(doc, "schema", "QTI Package"));
        metadata.appendChild(text(doc, "schemaversion", "3.0.0"));
        manifest.appendChild(metadata);

        Map<String, String> titles = new LinkedHashMap<>();
        units.forEach(u -> titles.put(u.id(), u.title()));
        Map<String, List<QuestionSpec>> byUnit = new LinkedHashMap<>();
        units.forEach(u -> byUnit.put(u.id(), new ArrayList<>()));
        questions.forEach(q -> byUnit.computeIfAbsent(q.unitId(), k -> new ArrayList<>()).add(q));
        Element organizations = el(doc, "organizations");
        organizations.setAttribute("default", "units");
        Element organization = el(doc, "organization");
        organization.setAttribute("identifier", "units");
        organization.appendChild(text(doc, "title", "Units"));
        byUnit.forEach((unitId, qs) -> {
            Element unitItem = el(doc, "item");
            unitItem.setAttribute("identifier", "UNIT-" + unitId);
            unitItem.appendChild(text(doc, "title", titles.getOrDefault(unitId, unitId)));
            for (QuestionSpec q : qs) {
                Element ref = el(doc, "item");
                ref.setAttribute("identifier", "ITEM-" + QtiItemXml.identifier(q.id()));
                ref.setAttribute("identifierref", QtiItemXml.identifier(q.id()));
                ref.appendChild(text(doc, "title", q.id()));
                unitItem.appendChild(ref);
            }
            organization.appendChild(unitItem);
        });
        organizations.appendChild(organization);
        manifest.appendChild(organizations);

        Element resources = el(doc, "resources");
        for (QuestionSpec q : questions) {
            Element resource = el(doc, "resource");
            resource.setAttribute("identifier", QtiItemXml.identifier(q.id()));
            resource.setAttribute("type", ITEM_TYPE);
            resource.setAttribute("href", href(q));
            Element file = el(doc, "file");
            file.setAttribute("href", href(q));
            resource.appendChild(file);
            resources.appendChild(resource);
        }
        manifest.appendChild(resources);
        return SafeXml.write(doc, true);
    }

    private static Element el(Document doc, String name) {
        return doc.createElementNS(CP_NS, name);
    }

    private static Element text(Document doc, String name, String value) {
        Element e = el(doc, name);
        e.setTextContent(value);
        return e;
    }
}
