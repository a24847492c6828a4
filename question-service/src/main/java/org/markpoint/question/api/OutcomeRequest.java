package org.markpoint.question.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.markpoint.question.bank.LearningOutcome;

/** A learning outcome as an author sends it; {@code id} is made from the unit's when left out of a new one. */
public record OutcomeRequest(
        @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may use letters, digits, '.', '_' and '-'")
        String id,
        @Size(max = 50) String code,
        @NotBlank @Size(max = 1000) String title,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> assessmentCriteria) {

    LearningOutcome toOutcome(String outcomeId) {
        return new LearningOutcome(outcomeId, code == null ? "" : code, title, assessmentCriteria);
    }
}
