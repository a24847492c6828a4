package org.markpoint.model.event;

import java.util.List;
import org.markpoint.model.scheme.MarkingScheme;

/** A scheme version is live. Carries the whole scheme (event-carried state) so consumers need no call back. */
public record QuestionPublished(String questionId, int version, String unitId, List<String> learningOutcomes,
                                MarkingScheme scheme) implements BankEvent {

    public QuestionPublished {
        learningOutcomes = learningOutcomes == null ? List.of() : List.copyOf(learningOutcomes);
    }
}
