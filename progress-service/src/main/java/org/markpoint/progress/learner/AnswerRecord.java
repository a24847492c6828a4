package org.markpoint.progress.learner;

import java.time.Instant;
import java.util.List;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.model.event.SpottedMisconception;

/**
 * One marked answer as a tutor sees it: the mark (the tutor's, once overridden), the outcomes it evidences, the
 * marking points hit and missed and any misconception spotted. Cohort item analysis reads these.
 */
public record AnswerRecord(String markId, String questionId, int mark, int maxMarks, Instant answeredAt,
                           List<String> outcomeIds, List<String> pointsHit, List<String> pointsMissed,
                           List<SpottedMisconception> misconceptions, boolean overridden) {

    public AnswerRecord {
        outcomeIds = outcomeIds == null ? List.of() : List.copyOf(outcomeIds);
        pointsHit = pointsHit == null ? List.of() : List.copyOf(pointsHit);
        pointsMissed = pointsMissed == null ? List.of() : List.copyOf(pointsMissed);
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
    }

    static AnswerRecord of(AnswerMarked e, Instant at) {
        return new AnswerRecord(e.markId(), e.questionId(), e.mark(), e.maxMarks(), at,
                e.outcomes().stream().map(OutcomeEvidence::outcomeId).distinct().toList(), e.pointsHit(),
                e.pointsMissed(), e.misconceptions(), false);
    }

    /** Fraction of the marks earned, in [0, 1]. */
    public double fraction() {
        return maxMarks <= 0 ? 0 : Math.max(0, Math.min(1, (double) mark / maxMarks));
    }

    AnswerRecord overriddenWith(int newMark) {
        return new AnswerRecord(markId, questionId, newMark, maxMarks, answeredAt, outcomeIds, pointsHit, pointsMissed,
                misconceptions, true);
    }
}
