package org.markpoint.question.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.model.scheme.SchemeValidation.Violation;

class SchemeChecksTest {

    private static MarkingScheme scheme(String commandWord, int max, int... marks) {
        List<MarkingPoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < marks.length; i++) {
            points.add(new MarkingPoint("p" + i, "point " + i, List.of("point " + i), List.of(), marks[i], ""));
        }
        return new MarkingScheme("Explain why.", commandWord, max, "", points, List.of(), List.of());
    }

    @Test
    void givenPointsAddingUpToMax_whenChecked_thenNoWarningAndUnchanged() {
        MarkingScheme s = scheme("explain", 3, 1, 2);

        SchemeChecks.Checked checked = SchemeChecks.marks(s, "scheme");

        assertThat(checked.warnings()).isEmpty();
        assertThat(checked.scheme()).isEqualTo(s);
    }

    @Test
    void givenPointsWorthLessThanMaxAndNoLevels_whenChecked_thenTakenButFlagged() {
        SchemeChecks.Checked checked = SchemeChecks.marks(scheme("explain", 4, 1, 1), "scheme");

        assertThat(checked.scheme().maxMarks()).isEqualTo(4);
        assertThat(checked.warnings()).containsExactly(new SchemeWarning("scheme.markingPoints",
                "marking points are worth 2, less than the 4 available, and there are no levels"));
    }

    @Test
    void givenPointsWorthMoreThanMax_whenChecked_thenEachPointCappedAndBothFlagged() {
        SchemeChecks.Checked checked = SchemeChecks.marks(scheme("explain", 2, 3, 1), "scheme");

        assertThat(checked.scheme().maxMarks()).isEqualTo(2);
        assertThat(checked.scheme().markingPoints()).extracting(MarkingPoint::marks).containsExactly(2, 1);
        assertThat(checked.warnings()).extracting(SchemeWarning::field).containsExactly("scheme.markingPoints",
                "scheme.markingPoints[0].marks");
        assertThat(checked.warnings().getFirst().message()).isEqualTo(
                "marking points are worth 4, more than the 2 available; the mark is capped at 2");
    }

    @Test
    void givenModelAnswerButNoMarkingPoint_whenValidatedForTheBank_thenRefusedNamingMarkingPoints() {
        MarkingScheme s = new MarkingScheme("State one benefit.", "state", 1, "Loyal customers.", List.of(),
                List.of(), List.of());

        assertThat(SchemeChecks.violations(s, "scheme")).containsExactly(
                new Violation("scheme.markingPoints", "a question needs at least one marking point"));
    }

    @Test
    void givenUnknownOrMissingCommandWord_whenValidated_thenRefusedNamingCommandWord() {
        assertThat(SchemeChecks.violations(scheme("ponder", 1, 1), "scheme")).extracting(Violation::field,
                Violation::message).containsExactly(org.assertj.core.groups.Tuple.tuple("scheme.commandWord",
                "unknown command word 'ponder'"));
        assertThat(SchemeChecks.violations(scheme("", 1, 1), "scheme")).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("scheme.commandWord");
            assertThat(v.message()).startsWith("is required; one of identify, state");
        });
    }

    @Test
    void givenPointWorthMoreThanMax_whenValidated_thenNotRefusedBecauseItIsCapped() {
        assertThat(SchemeChecks.violations(scheme("explain", 2, 5), "scheme")).isEmpty();
    }
}
