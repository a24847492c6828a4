package org.markpoint.question.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.markpoint.question.bank.ImportIssue;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.SampleBank;
import org.markpoint.question.bank.Unit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a QTI 3.0 content package: the manifest's item resources, each parsed safely; extended-text items become
 * questions (scheme from the scorer rubric), anything else is skipped with a reason. Units come from the manifest's
 * organization when it has one, else from the scheme markup, else one unit for the whole package.
 */
public final class QtiPackageImporter {

    static final String DEFAULT_UNIT = "qti-import";

    private final SafeZip.Limits limits;
    private final QuestionAssembly assembly = new QuestionAssembly();

    public QtiPackageImporter() {
        this(SafeZip.Limits.DEFAULT);
    }

    QtiPackageImporter(SafeZip.Limits limits) {
        this.limits = limits;
    }

    public SampleBank importPackage(String source, byte[] zip) {
        Map<String, byte[]> files = SafeZip.read(zip, limits);
        byte[] manifestBytes = files.get("imsmanifest.xml");
        List<ImportIssue> skipped = new ArrayList<>();
        List<ImportIssue> warnings = new ArrayList<>();
        if (manifestBytes == null) {
            skipped.add(new ImportIssue(source, "package", "no imsmanifest.xml at the root of the package"));
            return new SampleBank(List.of(), List.of(), skipped, warnings);
        }
        Element manifest = SafeXml.parse(manifestBytes).getDocumentElement();
        Map<String, Unit> units = new LinkedHashMap<>();
        Map<String, String> unitOfResource = organization(manifest, units);
        List<QuestionSpec> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Element resource : SafeXml.descendants(manifest, "resource")) {
            String rid = resource.getAttribute("identifier");
            String type = resource.getAttribute("type");
            String item = "resource " + rid;
            if (!type.startsWith("imsqti_item_xmlv3p0")) {
                skipped.add(new ImportIssue(source, item, "resource type '" + type + "' is not a QTI 3.0 item"));
                continue;
            }
            byte[] bytes = files.get(resource.getAttribute("href"));
            if (bytes == null) {
                skipped.add(new ImportIssue(source, item, "its file " + resource.getAttribute("href")
                        + " is not in the package"));
                continue;
            }
            Document doc;
            try {
                doc = SafeXml.parse(bytes);
            } catch (SafeXml.XmlRejected e) {
                skipped.add(new ImportIssue(source, item, e.getMessage()));
                continue;
            }
            Optional<QtiItemXml.ReadItem> read = QtiItemXml.read(doc);
            if (read.isEmpty()) {
                skipped.add(new ImportIssue(source, item, "not an extended-text item (only those carry a marking "
                        + "scheme)"));
                continue;
            }
            if (!ids.add(read.get().draft().id())) {
                skipped.add(new ImportIssue(source, item, "duplicate item identifier '" + read.get().draft().id()
                        + "'"));
                continue;
            }
            String unitId = unitOfResource.getOrDefault(rid, read.get().unitId());
            if (unitId.isEmpty()) {
                unitId = DEFAULT_UNIT;
            }
            String finalUnitId = unitId;
            units.computeIfAbsent(unitId, id -> new Unit(finalUnitId, "", finalUnitId, "", "", null, null, null,
                    null, null, null, null, source));
            assembly.build(source, item, unitId, read.get().draft(), skipped, warnings).ifPresent(questions::add);
        }
        return new SampleBank(List.copyOf(units.values()), questions, skipped, warnings);
    }

    /** Units from the default organization's top-level items; returns resource id to unit id. */
    private static Map<String, String> organization(Element manifest, Map<String, Unit> units) {
        Map<String, String> out = new HashMap<>();
        for (Element org : SafeXml.descendants(manifest, "organization")) {
            for (Element unitItem : SafeXml.children(org, "item")) {
                String identifier = unitItem.getAttribute("identifier");
                String unitId = identifier.startsWith("UNIT-") ? identifier.substring(5) : identifier;
                String title = SafeXml.child(unitItem, "title").map(e -> e.getTextContent().strip()).orElse(unitId);
                units.putIfAbsent(unitId, new Unit(unitId, "", title, "", "", null, null, null, null, null, null,
                        null, ""));
                for (Element ref : SafeXml.children(unitItem, "item")) {
                    out.put(ref.getAttribute("identifierref"), unitId);
                }
            }
        }
        return out;
    }
}
