package org.markpoint.question.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.question.bank.ImportIssue;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.SampleBank;
import org.markpoint.question.bank.Unit;

class MoodleXmlTest {

    /**
     * Written by hand to the Moodle XML format documentation, the way Moodle's own export lays it out (a category,
     * an essay with graderinfo, a shortanswer, a multichoice and an essay with empty graderinfo).
     */
    static final String MOODLE_EXPORT = readResource("/moodle/moodle-export.xml");

    private static String readResource(String name) {
        try (var in = MoodleXmlTest.class.getResourceAsStream(name)) {
            return new String(java.util.Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenSampleBank_whenExportedAndImported_thenSameUnitsAndQuestions() {
        SampleBank bank = SampleBankLoader.load();

        String xml = new MoodleXmlExporter().export(bank.units(), bank.questions());
        SampleBank back = new MoodleXmlImporter().importXml("export.xml", bytes(xml));

        assertThat(back.skipped()).isEmpty();
        assertThat(back.questions()).containsExactlyElementsOf(bank.questions());
        assertThat(back.units()).extracting(Unit::id, Unit::title).containsExactlyElementsOf(
                bank.units().stream().map(u -> org.assertj.core.groups.Tuple.tuple(u.id(), u.title())).toList());
    }

    @Test
    void givenShortAnswerQuestion_whenExportedAndImported_thenSameQuestion() {
        MarkingPoint point = new MarkingPoint("u1-q1-p1", "Listen", List.of("Listen", "listening"), List.of("Look"), 1,
                "u1-lo1");
        QuestionSpec spec = new QuestionSpec("u1-q1", "u1", List.of("u1-lo1"), "",
                new MarkingScheme("State what the first L in LASS stands for.", "state", 1, "", List.of(point),
                        List.of(), List.of()));
        Unit unit = new Unit("u1", "", "Complaints", "", "", null, null, null, null, null, null, null, "");

        String xml = new MoodleXmlExporter().export(List.of(unit), List.of(spec));
        SampleBank back = new MoodleXmlImporter().importXml("sa.xml", bytes(xml));

        assertThat(xml).contains("<question type=\"shortanswer\">");
        assertThat(back.questions()).containsExactly(spec);
    }

    @Test
    void givenFileAsMoodleExportsIt_whenImported_thenEssayAndShortAnswerTakenOthersSkippedWithReasons() {
        SampleBank result = new MoodleXmlImporter().importXml("moodle.xml", bytes(MOODLE_EXPORT));

        assertThat(result.units()).extracting(Unit::id, Unit::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("complaint-handling", "Complaint handling"));
        assertThat(result.questions()).hasSize(2);
        QuestionSpec essay = result.questions().getFirst();
        assertThat(essay.id()).isEqualTo("complaint-handling-complaint-as-feedback");
        assertThat(essay.scheme().stem()).isEqualTo("Explain why a complaint can be good for a business.");
        assertThat(essay.scheme().commandWord()).isEqualTo("explain");
        assertThat(essay.scheme().maxMarks()).isEqualTo(3);
        assertThat(essay.scheme().markingPoints()).extracting(MarkingPoint::text, MarkingPoint::marks).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Complaints are feedback that shows where the service fails", 1),
                org.assertj.core.groups.Tuple.tuple("A well-resolved complaint can increase customer loyalty", 2));
        assertThat(essay.scheme().markingPoints().get(1).accept()).contains("customer loyalty");
        QuestionSpec shortAnswer = result.questions().get(1);
        assertThat(shortAnswer.scheme().commandWord()).isEqualTo("state");
        assertThat(shortAnswer.scheme().markingPoints().getFirst().accept()).containsExactly("Listen");
        assertThat(shortAnswer.scheme().markingPoints().getFirst().reject()).containsExactly("Look");
        assertThat(result.skipped()).extracting(ImportIssue::item, ImportIssue::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("multichoice #4 'Pick one'",
                        "question type 'multichoice' is not imported (only essay and shortanswer carry a marking scheme)"),
                org.assertj.core.groups.Tuple.tuple("essay #5 'No scheme' (complaint-handling-no-scheme)",
                        "no marking point and no model answer: nothing to mark against"));
    }

    @Test
    void givenPointsWorthMoreThanMax_whenImported_thenTakenWithCapWarning() {
        String xml = MOODLE_EXPORT.replace("<defaultgrade>3.0000000</defaultgrade>", "<defaultgrade>2</defaultgrade>");

        SampleBank result = new MoodleXmlImporter().importXml("moodle.xml", bytes(xml));

        assertThat(result.questions().getFirst().scheme().maxMarks()).isEqualTo(2);
        assertThat(result.warnings()).extracting(ImportIssue::reason)
                .contains("marking points are worth 3, more than the 2 available; the mark is capped at 2");
    }

    @Test
    void givenUnknownCommandWordInScheme_whenImported_thenSkippedWithReason() {
        SampleBank bank = SampleBankLoader.load();
        QuestionSpec q = bank.questions().getFirst();
        String xml = new MoodleXmlExporter().export(bank.units().subList(0, 1), List.of(q))
                .replace("data-command-word=\"explain\"", "data-command-word=\"ponder\"")
                .replace("markpoint-command:explain", "markpoint-command:ponder");

        SampleBank result = new MoodleXmlImporter().importXml("x.xml", bytes(xml));

        assertThat(result.questions()).isEmpty();
        assertThat(result.skipped()).singleElement().extracting(ImportIssue::reason)
                .isEqualTo("unknown command word 'ponder'");
    }

    @Test
    void givenExternalEntity_whenImported_thenRejectedBeforeAnyFileIsRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <quiz><question type="essay"><name><text>&secret;</text></name></question></quiz>
                """;

        assertThatThrownBy(() -> new MoodleXmlImporter().importXml("xxe.xml", bytes(xxe)))
                .isInstanceOf(SafeXml.XmlRejected.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void givenEntityExpansionBomb_whenImported_thenRejected() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <quiz>&lol2;</quiz>
                """;

        assertThatThrownBy(() -> new MoodleXmlImporter().importXml("bomb.xml", bytes(bomb)))
                .isInstanceOf(SafeXml.XmlRejected.class);
    }

    @Test
    void givenMalformedXml_whenImported_thenRejectedWithClearMessage() {
        assertThatThrownBy(() -> new MoodleXmlImporter().importXml("bad.xml", bytes("<quiz><question>")))
                .isInstanceOf(SafeXml.XmlRejected.class).hasMessageStartingWith("not acceptable XML");
    }
}
