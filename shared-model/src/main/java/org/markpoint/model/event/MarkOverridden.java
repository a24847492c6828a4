package org.markpoint.model.event;

import java.util.List;

/** A tutor replaced a mark. Consumers replace the earlier evidence for {@code markId}; they do not add to it. */
public record MarkOverridden(String markId, String learnerId, String questionId, int previousMark, int newMark,
                             int maxMarks, List<OutcomeEvidence> outcomes, String reason, String tutorId)
        implements MarkEvent {

    public MarkOverridden {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }
}
