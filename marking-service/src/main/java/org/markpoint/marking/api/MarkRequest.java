package org.markpoint.marking.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.markpoint.model.scheme.MarkingScheme;

/** Body of {@code POST /api/v1/marking/mark}: an answer and either a stored question id or an inline scheme. */
public record MarkRequest(
        @NotNull @Size(max = MarkRequest.MAX_ANSWER_CHARS) String answer,
        @Size(max = 200) String learnerId,
        @Size(max = 200) String questionId,
        MarkingScheme scheme,
        @Size(max = 200) String quizId) {

    public static final int MAX_ANSWER_CHARS = 20_000;
}
