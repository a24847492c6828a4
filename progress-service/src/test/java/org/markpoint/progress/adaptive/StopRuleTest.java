package org.markpoint.progress.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.MasteryEstimate;

class StopRuleTest {

    private static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");
    private final StopRule rule = StopRule.defaults(10);

    private static OutcomeState outcome(String id, double pKnown, int evidence) {
        return new OutcomeState(id, new MasteryEstimate(pKnown, evidence, NOW), BktParameters.defaults());
    }

    @Test
    void givenEveryOutcomeMasteredOrClearlyNot_whenDeciding_thenStopsAsAllClassified() {
        StopRule.Decision d = rule.decide(List.of(outcome("LO1", 0.96, 4), outcome("LO2", 0.18, 5)), 9);

        assertThat(d.stop()).isTrue();
        assertThat(d.reason()).isEqualTo(StopRule.Reason.ALL_CLASSIFIED);
        assertThat(d.verdicts()).containsEntry("LO1", OutcomeVerdict.MASTERED)
                .containsEntry("LO2", OutcomeVerdict.NOT_MASTERED);
    }

    @Test
    void givenAnUndecidedOutcome_whenBelowItemLimit_thenContinues() {
        StopRule.Decision d = rule.decide(List.of(outcome("LO1", 0.96, 4), outcome("LO2", 0.6, 3)), 5);

        assertThat(d.stop()).isFalse();
        assertThat(d.verdicts()).containsEntry("LO2", OutcomeVerdict.UNDECIDED);
    }

    @Test
    void givenItemLimitReached_whenDeciding_thenStopsAtLimit() {
        StopRule.Decision d = rule.decide(List.of(outcome("LO1", 0.6, 10)), 10);

        assertThat(d.stop()).isTrue();
        assertThat(d.reason()).isEqualTo(StopRule.Reason.ITEM_LIMIT);
    }

    @Test
    void givenLowMasteryOnOneAnswer_whenJudged_thenNotYetWrittenOff() {
        assertThat(rule.verdict(new MasteryEstimate(0.1, 1, NOW))).isEqualTo(OutcomeVerdict.UNDECIDED);
    }
}
