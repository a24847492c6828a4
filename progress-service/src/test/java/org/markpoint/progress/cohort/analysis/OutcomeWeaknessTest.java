package org.markpoint.progress.cohort.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.progress.learner.LearnerProgress;
import org.markpoint.progress.learner.OutcomeMastery;

class OutcomeWeaknessTest {

    private static final Instant T = Instant.parse("2026-03-20T12:00:00Z");

    private static LearnerProgress learner(OutcomeMastery... outcomes) {
        return new LearnerProgress("l", List.of(outcomes), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void givenACohort_whenRanked_thenWeakestMeanFirstAndUnassessedOutcomesLast() {
        var cohort = List.of(
                learner(new OutcomeMastery("lo-a", 0.9, 4, T), new OutcomeMastery("lo-b", 0.2, 2, T)),
                learner(new OutcomeMastery("lo-a", 0.7, 2, T), new OutcomeMastery("lo-b", 0.6, 3, T)),
                learner());

        assertThat(OutcomeWeakness.rank(List.of("lo-a", "lo-b", "lo-c"), cohort)).containsExactly(
                new OutcomeWeakness("lo-b", 0.4, 2, 1, 5),
                new OutcomeWeakness("lo-a", 0.8, 2, 0, 6),
                new OutcomeWeakness("lo-c", null, 0, 0, 0));
    }
}
