package org.markpoint.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An answer was marked. {@code outcomes} splits the mark by learning outcome (partial credit per outcome), which is
 * what mastery tracing consumes. {@code answerId} is the idempotency handle of the answer that was marked.
 * {@code misconceptions} (added later, empty when absent) are the misconceptions spotted; off the wire when empty, so
 * older readers see the same event.
 */
public record AnswerMarked(String markId, String answerId, String learnerId, String questionId, int questionVersion,
                           int mark, int maxMarks, List<String> pointsHit, List<String> pointsMissed,
                           List<OutcomeEvidence> outcomes, double confidence, String quizId,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SpottedMisconception> misconceptions)
        implements MarkEvent {

    public AnswerMarked {
        pointsHit = pointsHit == null ? List.of() : List.copyOf(pointsHit);
        pointsMissed = pointsMissed == null ? List.of() : List.copyOf(pointsMissed);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        quizId = quizId == null ? "" : quizId;
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
    }

    /** Without misconceptions: the original form of the event. */
    public AnswerMarked(String markId, String answerId, String learnerId, String questionId, int questionVersion,
                        int mark, int maxMarks, List<String> pointsHit, List<String> pointsMissed,
                        List<OutcomeEvidence> outcomes, double confidence, String quizId) {
        this(markId, answerId, learnerId, questionId, questionVersion, mark, maxMarks, pointsHit, pointsMissed,
                outcomes, confidence, quizId, List.of());
    }
}
