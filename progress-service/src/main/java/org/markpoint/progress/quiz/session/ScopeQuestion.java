package org.markpoint.progress.quiz.session;

import java.util.List;

/** A published question the quiz may ask, as the planner sees it. */
public record ScopeQuestion(String questionId, int version, List<String> outcomes, String commandWord,
                            int maxMarks) {

    public ScopeQuestion {
        outcomes = List.copyOf(outcomes);
    }
}
