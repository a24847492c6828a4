package org.markpoint.progress.quiz.session;

import java.util.List;

/**
 * The mark an item earned. {@code markingResponse} is marking-service's full answer (JSON) when the item was marked
 * synchronously, empty when the mark arrived as an {@code AnswerMarked} event. {@code overridden}: a tutor replaced
 * the engine's mark with {@code mark}.
 */
public record MarkDetails(String markId, int mark, int maxMarks, List<String> pointsHit, List<String> pointsMissed,
                          String markingResponse, boolean overridden) {

    public MarkDetails {
        pointsHit = pointsHit == null ? List.of() : List.copyOf(pointsHit);
        pointsMissed = pointsMissed == null ? List.of() : List.copyOf(pointsMissed);
        markingResponse = markingResponse == null ? "" : markingResponse;
    }

    public MarkDetails(String markId, int mark, int maxMarks, List<String> pointsHit, List<String> pointsMissed,
                       String markingResponse) {
        this(markId, mark, maxMarks, pointsHit, pointsMissed, markingResponse, false);
    }

    /** Fraction of the marks earned, the credit mastery tracing reads. */
    public double credit() {
        return maxMarks <= 0 ? 0 : Math.max(0, Math.min(1, (double) mark / maxMarks));
    }
}
