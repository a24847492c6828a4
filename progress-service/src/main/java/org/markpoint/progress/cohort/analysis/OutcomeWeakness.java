package org.markpoint.progress.cohort.analysis;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.markpoint.progress.learner.LearnerProgress;
import org.markpoint.progress.learner.MasteryCell;
import org.markpoint.progress.mastery.MasteryConfidence;

/**
 * How a cohort stands on one outcome: mean mastery of the learners with evidence (null when nobody has any), how many
 * have evidence, how many of those are "not yet secure", and the answers behind it all.
 */
public record OutcomeWeakness(String outcomeId, Double meanMastery, int learnersAssessed, int learnersNotSecure,
                              int evidence) {

    /** Weakest first: lowest mean mastery; outcomes nobody has evidence for come last, as they cannot be judged. */
    public static List<OutcomeWeakness> rank(List<String> outcomeIds, Collection<LearnerProgress> learners) {
        return outcomeIds.stream().map(o -> of(o, learners))
                .sorted(Comparator.comparing((OutcomeWeakness w) -> w.meanMastery() == null)
                        .thenComparing(w -> w.meanMastery() == null ? 0 : w.meanMastery())
                        .thenComparing(OutcomeWeakness::outcomeId))
                .toList();
    }

    static OutcomeWeakness of(String outcomeId, Collection<LearnerProgress> learners) {
        List<MasteryCell> cells = learners.stream().map(l -> MasteryCell.of(outcomeId, l.outcome(outcomeId)))
                .filter(MasteryCell::assessed).toList();
        Double mean = cells.isEmpty() ? null
                : Math.round(cells.stream().mapToDouble(MasteryCell::mastery).average().orElseThrow() * 1000) / 1000.0;
        int notSecure = (int) cells.stream()
                .filter(c -> c.status().equals(MasteryConfidence.NOT_YET_SECURE.wireName())).count();
        return new OutcomeWeakness(outcomeId, mean, cells.size(), notSecure,
                cells.stream().mapToInt(MasteryCell::evidence).sum());
    }
}
