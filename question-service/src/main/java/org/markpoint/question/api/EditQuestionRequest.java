package org.markpoint.question.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.question.bank.QuestionSpec;

/** Body of {@code PUT /api/v1/questions/{id}}: the whole new content of the draft. */
public record EditQuestionRequest(
        @Size(max = 200) String unitId,
        @Size(max = 20) List<@NotNull @Size(max = 200) String> learningOutcomes,
        @Size(max = 20_000) String context,
        @NotNull MarkingScheme scheme) {

    QuestionSpec toSpec(String id) {
        return new QuestionSpec(id, unitId, learningOutcomes, context, scheme);
    }
}
