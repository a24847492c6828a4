package org.markpoint.marking.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void givenQuotedFieldsWithCommasQuotesAndNewlines_whenParsed_thenFieldsAndFirstLineNumbers() {
        List<CsvRecords.Row> rows = CsvRecords.parse("\uFEFFanswer,mark\n\"a, \"\"b\"\"\nc\",2\r\n\nplain,1\n");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).fields()).containsExactly("answer", "mark");
        assertThat(rows.get(1).fields()).containsExactly("a, \"b\"\nc", "2");
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(2).fields()).containsExactly("plain", "1");
        assertThat(rows.get(2).line()).isEqualTo(5);
        assertThat(rows).noneMatch(CsvRecords.Row::malformed);
    }

    @Test
    void givenTextAfterAClosingQuoteOrAnUnclosedQuote_whenParsed_thenThoseRowsSayWhy() {
        List<CsvRecords.Row> rows = CsvRecords.parse("answer\n\"ok\"x\nfine\n\"never closed\nstill in it");

        assertThat(rows.get(1).problem()).contains("closing quote");
        assertThat(rows.get(1).fields()).containsExactly("okx");
        assertThat(rows.get(2).malformed()).isFalse();
        assertThat(rows.get(3).problem()).contains("never closed");
        assertThat(rows.get(3).line()).isEqualTo(4);
    }

    @Test
    void givenAHeader_whenLookingUpAColumn_thenCaseAndSpacesDoNotMatter() {
        assertThat(CsvRecords.column(List.of("ref", " QuestionId "), "questionId")).isEqualTo(1);
        assertThat(CsvRecords.column(List.of("ref"), "answer")).isEqualTo(-1);
    }
}
