package org.markpoint.question.bank;

import java.util.List;
import org.markpoint.model.scheme.MarkingScheme;

/** A question as authored or imported, before the bank versions it. The scheme carries stem, command word, marks. */
public record QuestionSpec(String id, String unitId, List<String> learningOutcomes, String context,
                           MarkingScheme scheme) {

    public QuestionSpec {
        learningOutcomes = learningOutcomes == null ? List.of() : List.copyOf(learningOutcomes);
        context = context == null ? "" : context;
    }
}
