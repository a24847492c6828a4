package org.markpoint.progress.quiz;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.markpoint.progress.support.InvalidRequestException;

/** Request bodies of the quiz API. */
final class QuizRequests {

    static final int DEFAULT_MAX_ITEMS = 10;
    static final double DEFAULT_TARGET_MASTERY = 0.95;
    static final int MAX_ANSWER_CHARS = 20_000;

    private QuizRequests() {
    }

    /**
     * {@code POST /api/v1/progress/quizzes}: a learner (the caller when left out) and a scope, a unit or chosen
     * outcomes.
     */
    record CreateQuiz(
            @Size(max = 200) String learnerId,
            @Size(max = 200) String unitId,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> outcomes,
            @Min(1) @Max(50) Integer maxItems,
            @DecimalMin("0.5") @DecimalMax("1.0") Double targetMastery) {

        QuizService.Start toStart(String learner) {
            boolean hasUnit = unitId != null && !unitId.isBlank();
            boolean hasOutcomes = outcomes != null && !outcomes.isEmpty();
            if (hasUnit == hasOutcomes) {
                throw new InvalidRequestException(hasUnit ? "outcomes" : "unitId",
                        "give exactly one of unitId or outcomes");
            }
            return new QuizService.Start(learner, hasUnit ? unitId.trim() : "",
                    hasOutcomes ? outcomes.stream().map(String::trim).distinct().toList() : List.of(),
                    maxItems == null ? DEFAULT_MAX_ITEMS : maxItems,
                    targetMastery == null ? DEFAULT_TARGET_MASTERY : targetMastery);
        }
    }

    /** {@code POST .../items/{itemId}/answer}. */
    record Answer(@NotBlank @Size(max = MAX_ANSWER_CHARS) String answer) {
    }
}
