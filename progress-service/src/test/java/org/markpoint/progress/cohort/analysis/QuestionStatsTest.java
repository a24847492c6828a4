package org.markpoint.progress.cohort.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.markpoint.progress.cohort.analysis.Answers.answer;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionStatsTest {

    // five learners; q3 answered by only four of them
    private static final List<List<org.markpoint.progress.learner.AnswerRecord>> COHORT = List.of(
            List.of(answer("q1", 1), answer("q2", 1), answer("q3", 1)),
            List.of(answer("q1", 1), answer("q2", 0.5), answer("q3", 1)),
            List.of(answer("q1", 0), answer("q2", 0.5), answer("q3", 0)),
            List.of(answer("q1", 0), answer("q2", 0), answer("q3", 0.5)),
            List.of(answer("q1", 1), answer("q2", 0)));

    @Test
    void givenFiveLearners_whenAnalysed_thenFacilityIsTheMeanFractionAndDiscriminationTheRestScoreCorrelation() {
        List<QuestionStats> stats = QuestionStats.of(COHORT);

        assertThat(stats).extracting(QuestionStats::questionId).containsExactly("q1", "q2", "q3");
        // q1: scores 1,1,0,0,1 against the rest 2,1.5,0.5,0.5,0 -> r = 0.444
        assertThat(stats.get(0)).isEqualTo(new QuestionStats("q1", 5, 0.6, 0.444));
        // q2: scores 1,0.5,0.5,0,0 against the rest 2,2,0,0.5,1 -> r = 0.535
        assertThat(stats.get(1)).isEqualTo(new QuestionStats("q2", 5, 0.4, 0.535));
    }

    @Test
    void givenFewerThanFiveAttempts_whenAnalysed_thenDiscriminationIsNull() {
        QuestionStats q3 = QuestionStats.of(COHORT).get(2);

        assertThat(q3.attempts()).isEqualTo(4);
        assertThat(q3.facility()).isEqualTo(0.625);
        assertThat(q3.discrimination()).isNull();
    }

    @Test
    void givenEveryoneScoresTheSame_whenAnalysed_thenDiscriminationIsNullNotNaN() {
        List<List<org.markpoint.progress.learner.AnswerRecord>> same = List.of(
                List.of(answer("q1", 1), answer("q2", 0)), List.of(answer("q1", 1), answer("q2", 1)),
                List.of(answer("q1", 1), answer("q2", 0.5)), List.of(answer("q1", 1)), List.of(answer("q1", 1)));

        assertThat(QuestionStats.of(same).getFirst()).isEqualTo(new QuestionStats("q1", 5, 1.0, null));
    }
}
