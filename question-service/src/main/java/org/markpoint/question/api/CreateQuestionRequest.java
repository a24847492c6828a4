package org.markpoint.question.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.markpoint.model.scheme.MarkingScheme;

/** Body of {@code POST /api/v1/questions}. {@code publish} defaults to true. */
public record CreateQuestionRequest(
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may use letters, digits, '.', '_' and '-'")
        String id,
        @Size(max = 200) String unitId,
        @Size(max = 20) List<@NotNull @Size(max = 200) String> learningOutcomes,
        @Size(max = 20_000) String context,
        @NotNull MarkingScheme scheme,
        Boolean publish) {
}
