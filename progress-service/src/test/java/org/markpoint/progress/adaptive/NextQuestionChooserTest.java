package org.markpoint.progress.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.model.scheme.CommandWord;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.KnowledgeTracer;
import org.markpoint.progress.mastery.MasteryEstimate;

class NextQuestionChooserTest {

    private static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");
    private static final BktParameters P = new BktParameters(0.3, 0.1, 0.2, 0.1, 0.0);
    private final NextQuestionChooser chooser = new NextQuestionChooser(NextQuestionChooser.Settings.defaults(),
            StopRule.defaults(20), new KnowledgeTracer());

    private static OutcomeState outcome(String id, double pKnown, int evidence) {
        return new OutcomeState(id, new MasteryEstimate(pKnown, evidence, NOW), P);
    }

    private static CandidateQuestion q(String id, String lo, CommandWord word, double difficulty) {
        return new CandidateQuestion(id, lo, word, difficulty);
    }

    @Test
    void givenOneWeakOutcome_whenChoosing_thenItsQuestionIsPicked() {
        List<OutcomeState> outcomes = List.of(outcome("LO1", 0.8, 4), outcome("LO2", 0.4, 4), outcome("LO3", 0.7, 4));
        List<CandidateQuestion> bank = List.of(q("a", "LO1", CommandWord.DESCRIBE, 0),
                q("b", "LO2", CommandWord.DESCRIBE, 0), q("c", "LO3", CommandWord.DESCRIBE, 0));

        QuestionChoice choice = chooser.choose(outcomes, bank, List.of(), NOW).orElseThrow();

        assertThat(choice.question().outcomeId()).isEqualTo("LO2");
        assertThat(choice.reason()).contains("LO2 needs most work");
    }

    @Test
    void givenEqualMastery_whenOneIsLessCertain_thenTheUncertainOutcomeComesFirst() {
        List<OutcomeState> outcomes = List.of(outcome("LO1", 0.6, 12), outcome("LO2", 0.6, 1));
        List<CandidateQuestion> bank = List.of(q("a", "LO1", CommandWord.STATE, 0), q("b", "LO2", CommandWord.STATE, 0));

        assertThat(chooser.choose(outcomes, bank, List.of(), NOW).orElseThrow().question().outcomeId())
                .isEqualTo("LO2");
    }

    @Test
    void givenQuestionsOfVaryingDifficulty_whenChoosing_thenPredictedSuccessClosestToPointSevenWins() {
        // pKnown 0.6: P(correct) = 0.6*0.9 + 0.4*0.2 = 0.62 at difficulty 0; easier items push it up.
        List<OutcomeState> outcomes = List.of(outcome("LO1", 0.6, 3));
        List<CandidateQuestion> bank = List.of(q("hard", "LO1", CommandWord.STATE, 1.5),
                q("fair", "LO1", CommandWord.STATE, -0.4), q("trivial", "LO1", CommandWord.STATE, -3));

        QuestionChoice choice = chooser.choose(outcomes, bank, List.of(), NOW).orElseThrow();

        assertThat(choice.question().questionId()).isEqualTo("fair");
        assertThat(choice.predictedSuccess()).isBetween(0.62, 0.78);
    }

    @Test
    void givenBestQuestionAnsweredRecently_whenChoosing_thenItIsSkipped() {
        List<OutcomeState> outcomes = List.of(outcome("LO1", 0.6, 3));
        List<CandidateQuestion> bank = List.of(q("fair", "LO1", CommandWord.STATE, -0.4),
                q("hard", "LO1", CommandWord.STATE, 1.5));
        List<PastAnswer> history = List.of(
                new PastAnswer("fair", "LO1", CommandWord.STATE, 1.0, NOW.minus(Duration.ofMinutes(3))));

        assertThat(chooser.choose(outcomes, bank, history, NOW).orElseThrow().question().questionId())
                .isEqualTo("hard");
    }

    @Test
    void givenEveryQuestionSeenRecently_whenChoosing_thenTheLeastRecentComesBack() {
        List<OutcomeState> outcomes = List.of(outcome("LO1", 0.6, 3));
        List<CandidateQuestion> bank = List.of(q("x", "LO1", CommandWord.STATE, 0), q("y", "LO1", CommandWord.STATE, 0));
        List<PastAnswer> history = List.of(
                new PastAnswer("y", "LO1", CommandWord.STATE, 1.0, NOW.minus(Duration.ofMinutes(9))),
                new PastAnswer("x", "LO1", CommandWord.STATE, 0.0, NOW.minus(Duration.ofMinutes(3))));

        QuestionChoice choice = chooser.choose(outcomes, bank, history, NOW).orElseThrow();

        assertThat(choice.question().questionId()).isEqualTo("y");
        assertThat(choice.reason()).contains("least recent");
    }

    @Test
    void givenNothingPassedYet_whenChoosing_thenShallowCommandWordBeforeEvaluate() {
        List<OutcomeState> outcomes = List.of(outcome("LO1", 0.6, 0));
        // The evaluate question fits the 0.7 target better, but describe must come first.
        List<CandidateQuestion> bank = List.of(q("evaluate", "LO1", CommandWord.EVALUATE, -0.4),
                q("describe", "LO1", CommandWord.DESCRIBE, -2.0));

        String first = chooser.choose(outcomes, bank, List.of(), NOW).orElseThrow().question().questionId();
        List<PastAnswer> passedDepthThree = List.of(
                new PastAnswer("older", "LO1", CommandWord.EXPLAIN, 1.0, NOW.minus(Duration.ofDays(3))));
        String later = chooser.choose(outcomes, bank, passedDepthThree, NOW).orElseThrow().question().questionId();

        assertThat(first).isEqualTo("describe");
        assertThat(later).isEqualTo("evaluate");
    }

    @Test
    void givenEveryOutcomeSettled_whenChoosing_thenNothingIsPicked() {
        List<OutcomeState> outcomes = List.of(outcome("LO1", 0.97, 5), outcome("LO2", 0.1, 5));
        List<CandidateQuestion> bank = List.of(q("a", "LO1", CommandWord.STATE, 0), q("b", "LO2", CommandWord.STATE, 0));

        assertThat(chooser.choose(outcomes, bank, List.of(), NOW)).isEmpty();
    }
}
