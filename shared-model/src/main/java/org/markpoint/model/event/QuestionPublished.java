package org.markpoint.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.markpoint.model.scheme.MarkingScheme;

/**
 * A scheme version is live. Carries the whole scheme (event-carried state) so consumers need no call back.
 * {@code context} (added later, empty when absent) is the scenario text shown with the stem; it stays off the wire
 * when empty, so older readers and golden files see the same event.
 */
public record QuestionPublished(String questionId, int version, String unitId, List<String> learningOutcomes,
                                MarkingScheme scheme,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) String context) implements BankEvent {

    public QuestionPublished {
        learningOutcomes = learningOutcomes == null ? List.of() : List.copyOf(learningOutcomes);
        context = context == null ? "" : context;
    }

    /** Without a context: the original form of the event. */
    public QuestionPublished(String questionId, int version, String unitId, List<String> learningOutcomes,
                             MarkingScheme scheme) {
        this(questionId, version, unitId, learningOutcomes, scheme, "");
    }
}
