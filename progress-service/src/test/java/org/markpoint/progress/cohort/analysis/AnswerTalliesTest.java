package org.markpoint.progress.cohort.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.markpoint.progress.cohort.analysis.Answers.answer;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.SpottedMisconception;

class AnswerTalliesTest {

    private static final SpottedMisconception ALWAYS_RIGHT = new SpottedMisconception("m-right",
            "Service balances customer needs with policy.");
    private static final SpottedMisconception FRONT_LINE = new SpottedMisconception("m-front",
            "Everyone affects service.");

    @Test
    void givenAnswersMissingPoints_whenTallied_thenMostMissedFirstWithTheQuestionsAttempts() {
        var cohort = List.of(
                List.of(answer("q1", 0, List.of("a", "b"), List.of()), answer("q2", 0.5, List.of("x"), List.of())),
                List.of(answer("q1", 0.5, List.of("b"), List.of()), answer("q2", 1)),
                List.of(answer("q1", 0.5, List.of("b"), List.of())));

        assertThat(AnswerTallies.missedPoints(cohort)).containsExactly(
                new AnswerTallies.MissedPoint("q1", "b", 3, 3),
                new AnswerTallies.MissedPoint("q2", "x", 1, 2), // 1 of 2 beats 1 of 3
                new AnswerTallies.MissedPoint("q1", "a", 1, 3));
    }

    @Test
    void givenMisconceptions_whenTallied_thenCommonestFirstWithTheCorrection() {
        var cohort = List.of(
                List.of(answer("q1", 0, List.of(), List.of(ALWAYS_RIGHT)),
                        answer("q2", 0, List.of(), List.of(FRONT_LINE))),
                List.of(answer("q1", 0, List.of(), List.of(ALWAYS_RIGHT, FRONT_LINE))),
                List.of(answer("q1", 0.5, List.of(), List.of(ALWAYS_RIGHT))));

        assertThat(AnswerTallies.misconceptions(cohort)).containsExactly(
                new AnswerTallies.MisconceptionCount("q1", "m-right", ALWAYS_RIGHT.correction(), 3),
                new AnswerTallies.MisconceptionCount("q1", "m-front", FRONT_LINE.correction(), 1),
                new AnswerTallies.MisconceptionCount("q2", "m-front", FRONT_LINE.correction(), 1));
    }
}
