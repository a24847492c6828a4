package org.markpoint.progress.cohort.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.markpoint.progress.learner.DailyMastery;
import org.markpoint.progress.learner.LearnerProgress;
import org.markpoint.progress.learner.OutcomeMastery;

class AtRiskRuleTest {

    private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
    private static final AtRiskRule RULE = AtRiskRule.defaults();

    private static LearnerProgress learner(List<OutcomeMastery> outcomes, List<DailyMastery> history) {
        return new LearnerProgress("l1", outcomes, List.of(), List.of(), List.of(), history);
    }

    @Test
    void givenAnOutcomeBelowHalfOnTwoAnswers_whenAssessed_thenLowMasteryNamesItWithTheFigures() {
        var learner = learner(List.of(new OutcomeMastery("lo-1", 0.18, 2, NOW.minus(Duration.ofDays(1))),
                new OutcomeMastery("lo-2", 0.3, 1, NOW), new OutcomeMastery("lo-3", 0.9, 5, NOW)), List.of());

        assertThat(RULE.reasons(Optional.of(learner), NOW)).containsExactly(new AtRiskRule.Reason("low-mastery",
                "Not yet secure in 1 outcome: lo-1 (mastery 0.18 from 2 answers)"));
    }

    @Test
    void givenMasteryThatFellWithinTwoWeeks_whenAssessed_thenFallingTrendSaysFromWhatToWhat() {
        LocalDate today = LocalDate.of(2026, 3, 20);
        var learner = learner(List.of(new OutcomeMastery("lo-1", 0.55, 6, NOW)), List.of(
                new DailyMastery("lo-1", today.minusDays(30), 0.95, 2), // outside the window: not the peak
                new DailyMastery("lo-1", today.minusDays(10), 0.82, 2),
                new DailyMastery("lo-1", today.minusDays(2), 0.55, 2)));

        assertThat(RULE.reasons(Optional.of(learner), NOW)).containsExactly(new AtRiskRule.Reason("falling-trend",
                "lo-1 fell from 0.82 to 0.55 in the last 14 days"));
    }

    @Test
    void givenNoAnswerForTwentyDaysOrNoneAtAll_whenAssessed_thenInactive() {
        var idle = learner(List.of(new OutcomeMastery("lo-1", 0.7, 3, NOW.minus(Duration.ofDays(20)))), List.of());

        assertThat(RULE.reasons(Optional.of(idle), NOW)).containsExactly(new AtRiskRule.Reason("inactive",
                "No answers for 20 days (last on 2026-02-28)"));
        assertThat(RULE.reasons(Optional.empty(), NOW)).containsExactly(new AtRiskRule.Reason("inactive",
                "No answers yet"));
        assertThat(RULE.withInactiveDays(30).reasons(Optional.of(idle), NOW)).isEmpty();
    }
}
