package org.markpoint.question.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.markpoint.question.bank.ImportIssue;

class SeedPageParserTest {

    @Test
    void givenPlainPageWithStrayLine_whenImported_thenLineReportedSkipped() {
        String page = """
                Topic Synopsis
                This subtopic examines the handling of complaints, with examples.
                Common Misconceptions & Mistakes to Avoid
                - Misconception: 'Complaints are always negative.' Correction: They are feedback.
                this line belongs to no list
                Examiner Marking Points
                - Award credit for accurately describing the LASS model, including listen, apologise, solve and thank.
                """;

        PageImport result = new SeedPageImporter().importPage("mini.txt", page);

        assertThat(result.unit().title()).isEqualTo("Handling of complaints");
        assertThat(result.unit().misconceptions()).singleElement()
                .satisfies(m -> {
                    assertThat(m.pattern()).isEqualTo("Complaints are always negative.");
                    assertThat(m.correction()).isEqualTo("They are feedback.");
                });
        assertThat(result.questions()).singleElement().satisfies(q -> {
            assertThat(q.scheme().commandWord()).isEqualTo("describe");
            assertThat(q.scheme().markingPoints()).hasSize(5);
        });
        assertThat(result.skipped()).extracting(ImportIssue::item)
                .containsExactly("line 'Common Mistakes: this line belongs to no list'");
    }

    @Test
    void givenEmptyText_whenImported_thenNoQuestionsAndWarningsSayWhatIsMissing() {
        PageImport result = new SeedPageImporter().importPage("empty.txt", "");

        assertThat(result.questions()).isEmpty();
        assertThat(result.unit().id()).isEqualTo("empty");
        assertThat(result.warnings()).extracting(ImportIssue::item).contains("title", "learning outcomes");
    }

    @Test
    void givenOversizedPage_whenImported_thenRefused() {
        String huge = "x".repeat(SeedPageImporter.MAX_PAGE_CHARS + 1);

        assertThatThrownBy(() -> new SeedPageImporter().importPage("huge.txt", huge))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the limit is");
    }
}
