package org.markpoint.marking.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.marking.support.InvalidRequestException;
import org.markpoint.marking.support.PayloadTooLargeException;

class BatchInputTest {

    @Test
    void givenACsvWithAMalformedRowAndAShortRow_whenRead_thenOnlyThoseItemsCarryAProblem() {
        String csv = "ref,questionId,answer,learnerId\n"
                + "r1,q1,Training closes the skills gap.,l1\n"
                + "r2,q1,\"unclosed, quote\"x,l2\n"
                + "r3,q1\n"
                + "r4,q2,\"Staff, trained, serve better.\",l4\n";

        List<BatchItem> items = BatchInput.fromCsv(csv, false, 100);

        assertThat(items).hasSize(4);
        assertThat(items.get(0)).isEqualTo(new BatchItem("Training closes the skills gap.", "l1", "q1", null, "r1",
                ""));
        assertThat(items.get(1).problem()).startsWith("malformed CSV row at line 3").contains("closing quote");
        assertThat(items.get(1).ref()).isEqualTo("r2");
        assertThat(items.get(2).problem()).contains("2 fields but the header has 4");
        assertThat(items.get(3).answer()).isEqualTo("Staff, trained, serve better.");
        assertThat(items.get(3).problem()).isEmpty();
    }

    @Test
    void givenNoAnswerColumnOrNoQuestion_whenRead_thenTheUploadIsRefusedNamingTheField() {
        assertThatThrownBy(() -> BatchInput.fromCsv("text,questionId\nx,q\n", false, 100))
                .isInstanceOf(InvalidRequestException.class).extracting("field").isEqualTo("answer");
        assertThatThrownBy(() -> BatchInput.fromCsv("answer\nx\n", false, 100))
                .isInstanceOf(InvalidRequestException.class).extracting("field").isEqualTo("questionId");
        assertThat(BatchInput.fromCsv("answer\nx\n", true, 100)).hasSize(1);
        assertThatThrownBy(() -> BatchInput.fromCsv("answer\n", true, 100))
                .isInstanceOf(InvalidRequestException.class).extracting("field").isEqualTo("items");
    }

    @Test
    void givenMoreItemsThanTheLimit_whenRead_thenPayloadTooLarge() {
        List<BatchRequest.Item> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(new BatchRequest.Item("a", null, "q", null, null));
        }
        assertThat(BatchInput.fromJson(items.subList(0, 3), 3)).hasSize(3);
        assertThatThrownBy(() -> BatchInput.fromJson(items, 3)).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("at most 3");
        assertThatThrownBy(() -> BatchInput.fromJson(List.of(), 3)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void givenJsonItemsWithoutAnAnswerOrWithAnOverlongOne_whenRead_thenPerItemProblems() {
        List<BatchRequest.Item> items = new ArrayList<>();
        items.add(new BatchRequest.Item(null, "l1", "q", null, "no-answer"));
        items.add(new BatchRequest.Item("x".repeat(20_001), null, "q", null, "long"));
        items.add(null);
        items.add(new BatchRequest.Item("", null, "q", null, "blank"));

        List<BatchItem> read = BatchInput.fromJson(items, 10);

        assertThat(read).extracting(BatchItem::problem).containsExactly("answer: is required",
                "answer: at most 20000 characters", "item: must not be null", "");
        assertThat(read.get(0).ref()).isEqualTo("no-answer");
    }
}
