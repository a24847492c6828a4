package org.markpoint.model.event;

import java.time.Instant;
import java.util.List;

/**
 * A learner's adaptive quiz ended. The score is over the items marked when it ended ({@code pendingItems} still
 * waited for their mark); {@code mastered} and {@code toRevise} are the outcomes the quiz classified.
 */
public record QuizCompleted(String quizId, String learnerId, String unitId, List<String> outcomes, int scoreGiven,
                            int scoreMaximum, int pendingItems, List<String> mastered, List<String> toRevise,
                            String stopReason, Instant finishedAt) implements MasteryEvent {

    public QuizCompleted {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        mastered = mastered == null ? List.of() : List.copyOf(mastered);
        toRevise = toRevise == null ? List.of() : List.copyOf(toRevise);
        unitId = unitId == null ? "" : unitId;
    }
}
