package org.markpoint.question.bank;

import java.util.List;

/** A learning outcome of a unit with its assessment criteria (the examiner's "Award credit for ..." lines). */
public record LearningOutcome(String id, String code, String title, List<String> assessmentCriteria) {

    public LearningOutcome {
        assessmentCriteria = assessmentCriteria == null ? List.of() : List.copyOf(assessmentCriteria);
    }
}
