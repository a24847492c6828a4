package org.markpoint.question.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.question.bank.ImportIssue;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.SampleBank;
import org.markpoint.question.bank.Unit;

class QtiPackageTest {

    private static final String MANIFEST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="M1">
              <resources>
                <resource identifier="essay1" type="imsqti_item_xmlv3p0" href="essay1.xml"><file href="essay1.xml"/></resource>
                <resource identifier="choice1" type="imsqti_item_xmlv3p0" href="choice1.xml"><file href="choice1.xml"/></resource>
                <resource identifier="gone" type="imsqti_item_xmlv3p0" href="gone.xml"><file href="gone.xml"/></resource>
                <resource identifier="css" type="webcontent" href="style.css"><file href="style.css"/></resource>
              </resources>
            </manifest>
            """;

    /** An item as another authoring tool writes it: free-text scorer rubric, no Markpoint markup. */
    private static final String FOREIGN_ESSAY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="essay1"
                title="Brand" adaptive="false" time-dependent="false">
              <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"/>
              <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float" normal-maximum="2"/>
              <qti-item-body>
                <qti-rubric-block use="scoring" view="scorer">
                  <qti-content-body>
                    <p>Credit any of:</p>
                    <ul><li>Consistent service reinforces brand values</li><li>Poor service damages brand reputation</li></ul>
                  </qti-content-body>
                </qti-rubric-block>
                <qti-extended-text-interaction response-identifier="RESPONSE">
                  <qti-prompt>Explain how customer service affects a brand.</qti-prompt>
                </qti-extended-text-interaction>
              </qti-item-body>
            </qti-assessment-item>
            """;

    private static final String CHOICE = """
            <qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="choice1" title="c"
                adaptive="false" time-dependent="false">
              <qti-item-body><qti-choice-interaction response-identifier="RESPONSE" max-choices="1"/></qti-item-body>
            </qti-assessment-item>
            """;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenSampleBank_whenPackagedAndImported_thenSameQuestionsAndUnits() {
        SampleBank bank = SampleBankLoader.load();

        byte[] zip = new QtiPackageExporter().export(bank.units(), bank.questions());
        SampleBank back = new QtiPackageImporter().importPackage("bank.zip", zip);

        assertThat(back.skipped()).isEmpty();
        assertThat(back.questions()).containsExactlyElementsOf(bank.questions());
        assertThat(back.units()).extracting(Unit::id, Unit::title).containsExactlyElementsOf(
                bank.units().stream().map(u -> tuple(u.id(), u.title())).toList());
    }

    @Test
    void givenPackage_whenExported_thenManifestListsEveryItemAsQti3Resource() {
        SampleBank bank = SampleBankLoader.load();

        Map<String, byte[]> files = SafeZip.read(new QtiPackageExporter().export(bank.units(), bank.questions()),
                SafeZip.Limits.DEFAULT);

        assertThat(files).containsKey("imsmanifest.xml").hasSize(bank.questions().size() + 1);
        String manifest = new String(files.get("imsmanifest.xml"), StandardCharsets.UTF_8);
        assertThat(manifest).contains("type=\"imsqti_item_xmlv3p0\"").contains("<schemaversion>3.0.0</schemaversion>");
        String item = new String(files.get("items/" + bank.questions().getFirst().id() + ".xml"),
                StandardCharsets.UTF_8);
        assertThat(item).contains("<qti-extended-text-interaction").contains("view=\"scorer\"");
    }

    @Test
    void givenForeignPackage_whenImported_thenEssayTakenAndOtherResourcesSkippedWithReasons() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("imsmanifest.xml", bytes(MANIFEST));
        files.put("essay1.xml", bytes(FOREIGN_ESSAY));
        files.put("choice1.xml", bytes(CHOICE));

        SampleBank result = new QtiPackageImporter().importPackage("foreign.zip", SafeZip.write(files));

        assertThat(result.units()).extracting(Unit::id).containsExactly(QtiPackageImporter.DEFAULT_UNIT);
        QuestionSpec essay = result.questions().getFirst();
        assertThat(result.questions()).hasSize(1);
        assertThat(essay.id()).isEqualTo("essay1");
        assertThat(essay.scheme().stem()).isEqualTo("Explain how customer service affects a brand.");
        assertThat(essay.scheme().commandWord()).isEqualTo("explain");
        assertThat(essay.scheme().maxMarks()).isEqualTo(2);
        assertThat(essay.scheme().markingPoints()).extracting(MarkingPoint::text).containsExactly(
                "Consistent service reinforces brand values", "Poor service damages brand reputation");
        assertThat(result.skipped()).extracting(ImportIssue::item).containsExactly("resource choice1",
                "resource gone", "resource css");
    }

    @Test
    void givenZipBomb_whenImported_thenRefusedOnInflatedSize() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("imsmanifest.xml", bytes(MANIFEST));
        files.put("bomb.xml", new byte[5 * 1024 * 1024]);
        byte[] zip = SafeZip.write(files);
        SafeZip.Limits small = new SafeZip.Limits(100, 1024 * 1024, 2L * 1024 * 1024);

        assertThat(zip.length).isLessThan(64 * 1024);
        assertThatThrownBy(() -> new QtiPackageImporter(small).importPackage("bomb.zip", zip))
                .isInstanceOf(SafeZip.ZipRejected.class).hasMessageContaining("bomb.xml inflates to more than");
    }

    @Test
    void givenTooManyEntries_whenImported_thenRefused() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            files.put("f" + i + ".txt", bytes("x"));
        }
        SafeZip.Limits small = new SafeZip.Limits(10, 1024, 1024 * 1024);

        assertThatThrownBy(() -> new QtiPackageImporter(small).importPackage("many.zip", SafeZip.write(files)))
                .isInstanceOf(SafeZip.ZipRejected.class).hasMessage("more than 10 entries");
    }

    @Test
    void givenEntryClimbingOutOfPackage_whenImported_thenRefused() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("../../etc/cron.d/x", bytes("x"));

        assertThatThrownBy(() -> new QtiPackageImporter().importPackage("evil.zip", SafeZip.write(files)))
                .isInstanceOf(SafeZip.ZipRejected.class).hasMessageStartingWith("unsafe entry path");
    }

    @Test
    void givenNotAZip_whenImported_thenRefused() {
        assertThatThrownBy(() -> new QtiPackageImporter().importPackage("x.zip", bytes("just text")))
                .isInstanceOf(SafeZip.ZipRejected.class);
    }

    @Test
    void givenItemWithDoctype_whenImported_thenThatItemSkippedOthersImported() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("imsmanifest.xml", bytes(MANIFEST));
        files.put("essay1.xml", bytes(FOREIGN_ESSAY));
        files.put("choice1.xml", bytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<x>&e;</x>"));

        SampleBank result = new QtiPackageImporter().importPackage("mixed.zip", SafeZip.write(files));

        assertThat(result.questions()).hasSize(1);
        assertThat(result.skipped()).filteredOn(i -> i.item().equals("resource choice1")).singleElement()
                .extracting(ImportIssue::reason).asString().contains("DOCTYPE");
    }
}
