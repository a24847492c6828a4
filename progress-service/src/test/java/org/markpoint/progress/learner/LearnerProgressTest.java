package org.markpoint.progress.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.MarkEvent;
import org.markpoint.model.event.MarkOverridden;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.model.event.SpottedMisconception;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.Calibration;
import org.markpoint.progress.mastery.KnowledgeTracer;

class LearnerProgressTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Calibration DEFAULTS = Calibration.defaults();

    private static AnswerMarked marked(String markId, int mark, int max) {
        return new AnswerMarked(markId, markId, "l1", "q1", 1, mark, max, List.of("a"), List.of("b"),
                List.of(new OutcomeEvidence("lo-1", mark, max)), 0.9, "",
                List.of(new SpottedMisconception("m1", "Fix it.")));
    }

    private static LearnerProgress apply(LearnerProgress p, MarkEvent e, Instant at, Calibration c) {
        return p.apply(UUID.randomUUID().toString(), e, at, c).orElseThrow().next();
    }

    @Test
    void givenAHalfMark_whenApplied_thenTheAnswerIsKeptAndTheDayRecordedWithTheNewMastery() {
        LearnerProgress p = apply(LearnerProgress.empty("l1"), marked("m1", 1, 2), T0, DEFAULTS);

        // defaults: prior 0.2, learn 0.15, guess 0.2, slip 0.1; half credit mixes the two posteriors
        assertThat(p.outcome("lo-1").orElseThrow().pKnown()).isCloseTo(0.3879, within(1e-4));
        assertThat(p.answers()).containsExactly(new AnswerRecord("m1", "q1", 1, 2, T0, List.of("lo-1"), List.of("a"),
                List.of("b"), List.of(new SpottedMisconception("m1", "Fix it.")), false));
        assertThat(p.history()).containsExactly(new DailyMastery("lo-1", LocalDate.of(2026, 3, 2),
                p.outcome("lo-1").orElseThrow().pKnown(), 1));
        assertThat(p.lastActivity()).contains(T0);
    }

    @Test
    void givenAnOverride_whenApplied_thenTheAnswerShowsTheTutorsMarkAndTheDayTheRetracedMastery() {
        LearnerProgress p = apply(LearnerProgress.empty("l1"), marked("m1", 0, 2), T0, DEFAULTS);

        LearnerProgress after = apply(p, new MarkOverridden("m1", "l1", "q1", 0, 2, 2,
                List.of(new OutcomeEvidence("lo-1", 2, 2)), "point b was made", "tutor-1"), T0.plusSeconds(60),
                DEFAULTS);

        assertThat(after.answers().getFirst().mark()).isEqualTo(2);
        assertThat(after.answers().getFirst().overridden()).isTrue();
        assertThat(after.outcome("lo-1").orElseThrow().pKnown()).isCloseTo(0.6, within(1e-9));
        assertThat(after.history()).singleElement().satisfies(d -> {
            assertThat(d.date()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(d.mastery()).isCloseTo(0.6, within(1e-9));
            assertThat(d.answers()).isEqualTo(1);
        });
    }

    @Test
    void givenAnOutcomeJustMastered_whenAnsweredAgain_thenTheReviewIsDueAfterADayAndGrowsAfterASuccessfulReview() {
        LearnerProgress p = LearnerProgress.empty("l1");
        for (int i = 0; i < 3; i++) { // 0.6, 0.890, 0.977: mastered on the third answer
            p = apply(p, marked("m" + i, 2, 2), T0.plusSeconds(i), DEFAULTS);
        }
        Instant masteredAt = T0.plusSeconds(2);
        assertThat(p.outcome("lo-1").orElseThrow().reviewDue()).contains(masteredAt.plus(Duration.ofDays(1)));

        LearnerProgress early = apply(p, marked("m-early", 2, 2), masteredAt.plus(Duration.ofHours(1)), DEFAULTS);
        assertThat(early.outcome("lo-1").orElseThrow().reviewDue()).contains(masteredAt.plus(Duration.ofDays(1)));

        Instant reviewedAt = masteredAt.plus(Duration.ofDays(2));
        LearnerProgress reviewed = apply(early, marked("m-review", 2, 2), reviewedAt, DEFAULTS);
        assertThat(reviewed.outcome("lo-1").orElseThrow().reviewDue()).contains(reviewedAt.plus(Duration.ofHours(60)));
    }

    @Test
    void givenAnOutOfRangeMark_whenApplied_thenRejectedWithTheReason() {
        LearnerProgress p = apply(LearnerProgress.empty("l1"), marked("m1", 1, 2), T0, DEFAULTS);

        assertThatThrownBy(() -> p.apply("e-bad", marked("m-bad", 7, 5), T0, DEFAULTS))
                .isInstanceOf(RejectedEventException.class).hasMessageContaining("mark 7 is out of range 0..5");
        AnswerMarked overAwarded = new AnswerMarked("m-over", "a", "l1", "q1", 1, 1, 2, List.of(), List.of(),
                List.of(new OutcomeEvidence("lo-1", 3, 2)), 0.9, "");
        assertThatThrownBy(() -> p.apply("e-over", overAwarded, T0, DEFAULTS))
                .hasMessageContaining("outcomes[0].marksAwarded 3.0 is out of range 0..2.0");
        assertThatThrownBy(() -> p.apply("e-ovr", new MarkOverridden("m1", "l1", "q1", 1, -1, 2, List.of(), "", "t"),
                T0, DEFAULTS)).hasMessageContaining("newMark -1 is out of range 0..2");
    }

    @Test
    void givenFittedParametersAndADifficulty_whenApplied_thenTheUpdateUsesThem() {
        BktParameters fitted = new BktParameters(0.5, 0.1, 0.1, 0.05, 0.0);
        Calibration calibration = new Calibration(Map.of("lo-1", fitted), Map.of("q1", 1.0), Duration.ofDays(7));

        LearnerProgress p = apply(LearnerProgress.empty("l1"), marked("m1", 2, 2), T0, calibration);

        double expected = new KnowledgeTracer().update(new org.markpoint.progress.mastery.MasteryEstimate(0.5, 0, T0),
                fitted, 1.0, T0, 1.0).pKnown();
        assertThat(p.outcome("lo-1").orElseThrow().pKnown()).isEqualTo(expected).isNotCloseTo(0.6, within(0.01));
    }

    @Test
    void givenAnswersOnManyDays_whenApplied_thenTheHistoryKeepsTheLatestDaysOnly() {
        LearnerProgress p = LearnerProgress.empty("l1");
        int days = LearnerProgress.HISTORY_DAYS_PER_OUTCOME + 5;
        for (int d = 0; d < days; d++) {
            p = apply(p, marked("m" + d, d % 2, 1), T0.plus(Duration.ofDays(d)), DEFAULTS);
        }

        assertThat(p.history()).hasSize(LearnerProgress.HISTORY_DAYS_PER_OUTCOME);
        assertThat(p.history()).extracting(DailyMastery::date).doesNotContain(LocalDate.of(2026, 3, 2))
                .contains(LocalDate.of(2026, 3, 2).plusDays(days - 1));
    }
}
