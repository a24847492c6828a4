package org.markpoint.progress.quiz.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markpoint.progress.adaptive.ReviewSchedule;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.KnowledgeTracer;
import org.markpoint.progress.mastery.MasteryEstimate;
import org.markpoint.progress.quiz.session.QuizPlanner.NextStep;

class QuizPlannerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final QuizPlanner PLANNER = new QuizPlanner(new KnowledgeTracer(), new ReviewSchedule(),
            o -> BktParameters.defaults());
    private static final List<ScopeQuestion> BANK = List.of(
            new ScopeQuestion("lo1-evaluate", 1, List.of("lo-1"), "evaluate", 6),
            new ScopeQuestion("lo1-state", 1, List.of("lo-1"), "state", 1),
            new ScopeQuestion("lo1-describe", 1, List.of("lo-1"), "describe", 3),
            new ScopeQuestion("lo2-state", 1, List.of("lo-2"), "state", 1),
            new ScopeQuestion("lo2-explain", 1, List.of("lo-2"), "explain", 4));

    private static QuizSession quiz(int maxItems) {
        return QuizSession.start("quiz-1", "learner-1", new QuizScope("unit-1", List.of("lo-1", "lo-2")), maxItems,
                0.95, NOW.minus(Duration.ofMinutes(10)));
    }

    private static MasteryEstimate known(double p, int evidence) {
        return new MasteryEstimate(p, evidence, NOW);
    }

    private static QuizSession answeredAndMarked(QuizSession quiz, ScopeQuestion q, int mark) {
        QuizSession asked = quiz.ask(q, NOW);
        String itemId = asked.items().getLast().itemId();
        QuizSession answered = ((AnswerClaim.Accepted) asked.answer(itemId, "answer", "", NOW)).quiz();
        return answered.marked(itemId, new MarkDetails("m-" + itemId, mark, q.maxMarks(), List.of(), List.of(), ""));
    }

    @Test
    void givenNoEvidence_whenPlanned_thenAsksTheShallowestQuestionOfTheNeediestOutcome() {
        NextStep step = PLANNER.next(quiz(10), BANK, Map.of(), NOW);

        assertThat(step).isInstanceOf(NextStep.Ask.class);
        ScopeQuestion q = ((NextStep.Ask) step).question();
        assertThat(q.questionId()).isEqualTo("lo1-state");
        assertThat(((NextStep.Ask) step).reason()).contains("lo-1");
    }

    @Test
    void givenOneOutcomeStrongAndOneWeak_whenPlanned_thenTheWeakOneIsAsked() {
        NextStep step = PLANNER.next(quiz(10), BANK, Map.of("lo-1", known(0.9, 4), "lo-2", known(0.4, 1)), NOW);

        assertThat(((NextStep.Ask) step).question().outcomes()).containsExactly("lo-2");
    }

    @Test
    void givenAQuestionJustAnswered_whenPlanned_thenItIsNotAskedAgain() {
        QuizSession quiz = answeredAndMarked(quiz(10), BANK.get(1), 0);

        NextStep step = PLANNER.next(quiz, BANK, Map.of("lo-1", known(0.3, 1), "lo-2", known(0.9, 4)), NOW);

        assertThat(((NextStep.Ask) step).question().questionId()).isNotEqualTo("lo1-state").startsWith("lo1-");
    }

    @Test
    void givenEveryOutcomeMastered_whenPlanned_thenFinishesWithMasteredOutcomesAndReviewDates() {
        QuizSession quiz = answeredAndMarked(quiz(10), BANK.get(1), 1);

        NextStep step = PLANNER.next(quiz, BANK, Map.of("lo-1", known(0.97, 5), "lo-2", known(0.99, 6)), NOW);

        QuizSummary summary = ((NextStep.Finish) step).summary();
        assertThat(summary.stopReason()).isEqualTo("all-classified");
        assertThat(summary.mastered()).containsExactly("lo-1", "lo-2");
        assertThat(summary.toRevise()).isEmpty();
        assertThat(summary.reviews()).extracting(QuizSummary.ReviewDue::dueAt)
                .containsOnly(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void givenTheItemLimitReached_whenPlanned_thenFinishesWithOutcomesToRevise() {
        QuizSession quiz = answeredAndMarked(answeredAndMarked(quiz(2), BANK.get(1), 1), BANK.get(3), 0);

        NextStep step = PLANNER.next(quiz, BANK, Map.of("lo-1", known(0.97, 3), "lo-2", known(0.5, 2)), NOW);

        QuizSummary summary = ((NextStep.Finish) step).summary();
        assertThat(summary.stopReason()).isEqualTo("item-limit");
        assertThat(summary.mastered()).containsExactly("lo-1");
        assertThat(summary.toRevise()).containsExactly("lo-2");
        assertThat(summary.reviews()).extracting(QuizSummary.ReviewDue::outcomeId).containsExactly("lo-1");
    }

    @Test
    void givenOpenOutcomesWithoutQuestions_whenPlanned_thenFinishesForWantOfQuestions() {
        NextStep step = PLANNER.next(quiz(10), List.of(), Map.of(), NOW);

        assertThat(((NextStep.Finish) step).summary().stopReason()).isEqualTo("no-more-questions");
    }

    @Test
    void givenALowerTargetMastery_whenMasteryClearsIt_thenTheOutcomeCountsAsMastered() {
        QuizSession lenient = QuizSession.start("quiz-2", "learner-1", new QuizScope("", List.of("lo-1")), 10, 0.8,
                NOW);

        NextStep step = PLANNER.next(lenient, BANK, Map.of("lo-1", known(0.85, 3)), NOW);

        assertThat(((NextStep.Finish) step).summary().mastered()).containsExactly("lo-1");
    }

    @Test
    void givenCalibratedDifficulties_whenPlanned_thenTheQuestionWhosePredictedSuccessIsNearestTheTargetIsAsked() {
        List<ScopeQuestion> twoStates = List.of(new ScopeQuestion("lo1-state", 1, List.of("lo-1"), "state", 1),
                new ScopeQuestion("lo1-state-easy", 1, List.of("lo-1"), "state", 1),
                new ScopeQuestion("lo2-state", 1, List.of("lo-2"), "state", 1));
        QuizSession quiz = quiz(10);

        // uncalibrated: both predict 0.34 for a new learner, the tie goes to the first id
        NextStep plain = PLANNER.next(quiz, twoStates, Map.of(), NOW);
        // 2 logits easier: predicted success 0.72, nearest the 0.7 target
        NextStep calibrated = new QuizPlanner(new org.markpoint.progress.mastery.Calibration(Map.of(),
                Map.of("lo1-state-easy", -2.0), Duration.ofDays(7)), new ReviewSchedule())
                .next(quiz, twoStates, Map.of(), NOW);

        assertThat(((NextStep.Ask) plain).question().questionId()).isEqualTo("lo1-state");
        assertThat(((NextStep.Ask) calibrated).question().questionId()).isEqualTo("lo1-state-easy");
        assertThat(((NextStep.Ask) calibrated).reason()).contains("predicted success 0.72");
    }
}
