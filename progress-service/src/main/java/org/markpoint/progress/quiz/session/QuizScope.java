package org.markpoint.progress.quiz.session;

import java.util.List;

/**
 * What a quiz covers: a unit (and the outcomes its published questions evidenced when the quiz started), or a list
 * of chosen outcomes ({@code unitId} empty).
 */
public record QuizScope(String unitId, List<String> outcomes) {

    public QuizScope {
        unitId = unitId == null ? "" : unitId;
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    public boolean isUnit() {
        return !unitId.isEmpty();
    }
}
