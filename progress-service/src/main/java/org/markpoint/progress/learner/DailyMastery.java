package org.markpoint.progress.learner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A learner's mastery of one outcome at the end of one day (UTC) and how many answers that day evidenced it. */
public record DailyMastery(String outcomeId, LocalDate date, double mastery, int answers) {

    /**
     * The history with this day's mastery set and {@code answers} added to its count; at most {@code keep} days per
     * outcome, the oldest dropped first, so the learner document stays bounded.
     */
    static List<DailyMastery> record(List<DailyMastery> history, String outcomeId, LocalDate date, double mastery,
                                     int answers, int keep) {
        List<DailyMastery> next = new ArrayList<>(history.size() + 1);
        int earlier = 0;
        for (DailyMastery d : history) {
            if (d.outcomeId().equals(outcomeId) && d.date().equals(date)) {
                earlier = d.answers();
            } else {
                next.add(d);
            }
        }
        next.add(new DailyMastery(outcomeId, date, mastery, earlier + answers));
        List<DailyMastery> ofOutcome = next.stream().filter(d -> d.outcomeId().equals(outcomeId))
                .sorted(Comparator.comparing(DailyMastery::date)).toList();
        if (ofOutcome.size() > keep) {
            next.removeAll(ofOutcome.subList(0, ofOutcome.size() - keep));
        }
        return next;
    }
}
