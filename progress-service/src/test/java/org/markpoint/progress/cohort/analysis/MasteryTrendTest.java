package org.markpoint.progress.cohort.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.progress.learner.DailyMastery;
import org.markpoint.progress.learner.LearnerProgress;

class MasteryTrendTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    private static LearnerProgress learner(String id, DailyMastery... days) {
        return new LearnerProgress(id, List.of(), List.of(), List.of(), List.of(), List.of(days));
    }

    @Test
    void givenTwoLearners_whenTrended_thenEachDayAveragesTheirLatestMasteryAndCountsThatDaysAnswers() {
        var a = learner("a", new DailyMastery("lo-1", TODAY.minusDays(3), 0.4, 2),
                new DailyMastery("lo-1", TODAY.minusDays(1), 0.8, 1), new DailyMastery("lo-2", TODAY, 0.1, 1));
        var b = learner("b", new DailyMastery("lo-1", TODAY.minusDays(1), 0.6, 3));

        List<MasteryTrend.Point> points = MasteryTrend.of(List.of(a, b), "lo-1", TODAY, 5);

        assertThat(points).containsExactly(
                new MasteryTrend.Point(TODAY.minusDays(4), null, 0),
                new MasteryTrend.Point(TODAY.minusDays(3), 0.4, 2),
                new MasteryTrend.Point(TODAY.minusDays(2), 0.4, 0),
                new MasteryTrend.Point(TODAY.minusDays(1), 0.7, 4),
                new MasteryTrend.Point(TODAY, 0.7, 0));
    }
}
