package org.markpoint.progress.cohort.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.markpoint.progress.learner.DailyMastery;
import org.markpoint.progress.learner.LearnerProgress;

/**
 * A cohort's mastery of one outcome day by day: each learner counts with their mastery at the end of that day (the
 * last recorded day on or before it), learners with no evidence yet do not count; {@code answers} is how many
 * answers evidenced the outcome that day. {@code meanMastery} is null on days before anyone had evidence.
 */
public final class MasteryTrend {

    /** One day. */
    public record Point(LocalDate date, Double meanMastery, int answers) {
    }

    private MasteryTrend() {
    }

    /** The {@code days} days ending with {@code today}, oldest first. */
    public static List<Point> of(Collection<LearnerProgress> learners, String outcomeId, LocalDate today, int days) {
        List<List<DailyMastery>> histories = learners.stream().map(l -> l.history().stream()
                .filter(d -> d.outcomeId().equals(outcomeId)).toList()).filter(h -> !h.isEmpty()).toList();
        List<Point> points = new ArrayList<>(days);
        for (LocalDate date = today.minusDays(days - 1L); !date.isAfter(today); date = date.plusDays(1)) {
            LocalDate d = date;
            double sum = 0;
            int counted = 0;
            int answers = 0;
            for (List<DailyMastery> history : histories) {
                Optional<DailyMastery> asOf = history.stream().filter(x -> !x.date().isAfter(d))
                        .max(java.util.Comparator.comparing(DailyMastery::date));
                if (asOf.isPresent()) {
                    sum += asOf.get().mastery();
                    counted++;
                    answers += asOf.get().date().equals(d) ? asOf.get().answers() : 0;
                }
            }
            points.add(new Point(d, counted == 0 ? null : Math.round(sum / counted * 1000) / 1000.0, answers));
        }
        return points;
    }
}
