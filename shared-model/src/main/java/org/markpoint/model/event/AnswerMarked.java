package org.markpoint.model.event;

import java.util.List;

/**
 * An answer was marked. {@code outcomes} splits the mark by learning outcome (partial credit per outcome), which is
 * what mastery tracing consumes. {@code answerId} is the idempotency handle of the answer that was marked.
 */
public record AnswerMarked(String markId, String answerId, String learnerId, String questionId, int questionVersion,
                           int mark, int maxMarks, List<String> pointsHit, List<String> pointsMissed,
                           List<OutcomeEvidence> outcomes, double confidence, String quizId) implements MarkEvent {

    public AnswerMarked {
        pointsHit = pointsHit == null ? List.of() : List.copyOf(pointsHit);
        pointsMissed = pointsMissed == null ? List.of() : List.copyOf(pointsMissed);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        quizId = quizId == null ? "" : quizId;
    }
}
