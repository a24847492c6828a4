package org.markpoint.progress.adaptive;

import java.time.Duration;
import java.time.Instant;

/** Spaced review of one mastered outcome: how many reviews in a row went well, the current gap, the next due date. */
public record ReviewState(int successfulReviews, Duration interval, Instant dueAt) {

    public boolean isDue(Instant now) {
        return !now.isBefore(dueAt);
    }
}
