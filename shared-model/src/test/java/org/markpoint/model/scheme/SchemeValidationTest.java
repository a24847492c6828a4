package org.markpoint.model.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemeValidationTest {

    private static MarkingScheme scheme(String commandWord, int maxMarks, List<MarkingPoint> points, String model) {
        return new MarkingScheme("Explain why", commandWord, maxMarks, model, points, List.of(), List.of());
    }

    @Test
    void givenAValidScheme_whenValidated_thenNoViolations() {
        var s = scheme("explain", 2, List.of(MarkingPoint.of("a", "training closes skills gaps")), "");
        assertThat(SchemeValidation.validate(s, "scheme")).isEmpty();
    }

    @Test
    void givenNoPointsAndNoModelAnswer_whenValidated_thenMarkingPointsNamed() {
        var s = scheme("explain", 2, List.of(), "");
        assertThat(SchemeValidation.validate(s, "scheme"))
                .extracting(SchemeValidation.Violation::field).containsExactly("scheme.markingPoints");
    }

    @Test
    void givenOnlyAModelAnswer_whenValidated_thenAccepted() {
        assertThat(SchemeValidation.validate(scheme("describe", 3, List.of(), "Staff need training."), "s")).isEmpty();
    }

    @Test
    void givenUnknownCommandWordAndZeroMarks_whenValidated_thenBothFieldsNamed() {
        var s = scheme("ponder", 0, List.of(MarkingPoint.of("a", "x")), "");
        assertThat(SchemeValidation.validate(s, "scheme")).extracting(SchemeValidation.Violation::field)
                .containsExactlyInAnyOrder("scheme.commandWord", "scheme.maxMarks");
    }

    @Test
    void givenDuplicatePointIdsAndBlankText_whenValidated_thenIndexedPathsNamed() {
        var s = scheme("explain", 2, List.of(MarkingPoint.of("a", "x"), MarkingPoint.of("a", " ")), "");
        assertThat(SchemeValidation.validate(s, "scheme")).extracting(SchemeValidation.Violation::field)
                .containsExactlyInAnyOrder("scheme.markingPoints[1].id", "scheme.markingPoints[1].text");
    }

    @Test
    void givenAmericanSpelling_whenCommandWordParsed_thenBritishWordFound() {
        assertThat(CommandWord.parse("Analyze")).contains(CommandWord.ANALYSE);
        assertThat(CommandWord.EVALUATE.depth()).isGreaterThan(CommandWord.DESCRIBE.depth());
    }
}
