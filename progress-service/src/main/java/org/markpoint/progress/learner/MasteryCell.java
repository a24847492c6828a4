package org.markpoint.progress.learner;

import java.util.Optional;
import org.markpoint.progress.mastery.MasteryConfidence;
import org.markpoint.progress.mastery.MasteryEstimate;
import org.markpoint.progress.mastery.MasteryInterval;

/**
 * One learner x outcome as a tutor sees it, the same wherever it is shown: mastery, its ~90% interval, the answers
 * behind it and the status ({@link MasteryConfidence#wireName()}). Without evidence the numbers are null.
 */
public record MasteryCell(String outcomeId, Double mastery, Double low, Double high, int evidence, String status) {

    public static MasteryCell of(String outcomeId, Optional<OutcomeMastery> known) {
        if (known.isEmpty() || known.get().evidence() == 0) {
            return new MasteryCell(outcomeId, null, null, null, 0, MasteryConfidence.NO_EVIDENCE.wireName());
        }
        MasteryEstimate e = known.get().estimate();
        MasteryInterval interval = e.interval();
        return new MasteryCell(outcomeId, round(e.pKnown()), round(interval.lower()), round(interval.upper()),
                e.evidence(), e.confidence(MasteryConfidence.MASTERED_AT).wireName());
    }

    public static MasteryCell of(OutcomeMastery known) {
        return of(known.outcomeId(), Optional.of(known));
    }

    public boolean assessed() {
        return evidence > 0;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
