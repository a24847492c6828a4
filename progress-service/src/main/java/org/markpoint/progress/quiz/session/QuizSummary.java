package org.markpoint.progress.quiz.session;

import java.time.Instant;
import java.util.List;

/**
 * How a finished quiz ended: why it stopped ({@code all-classified}, {@code item-limit} or
 * {@code no-more-questions}), the outcomes mastered, those to revise, and when each mastered outcome is due for
 * spaced review.
 */
public record QuizSummary(String stopReason, List<String> mastered, List<String> toRevise, List<ReviewDue> reviews,
                          Instant finishedAt) {

    public record ReviewDue(String outcomeId, Instant dueAt) {
    }

    public QuizSummary {
        mastered = List.copyOf(mastered);
        toRevise = List.copyOf(toRevise);
        reviews = List.copyOf(reviews);
    }
}
