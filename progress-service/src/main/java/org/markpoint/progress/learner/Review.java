package org.markpoint.progress.learner;

import java.time.Duration;
import java.time.Instant;
import org.markpoint.progress.adaptive.ReviewSchedule;
import org.markpoint.progress.adaptive.ReviewState;
import org.markpoint.progress.mastery.MasteryConfidence;

/** Spaced review of a mastered outcome as stored with it: the streak, the current gap and the next due date. */
public record Review(int successfulReviews, long intervalSeconds, Instant dueAt) {

    static Review of(ReviewState state) {
        return new Review(state.successfulReviews(), state.interval().toSeconds(), state.dueAt());
    }

    ReviewState state() {
        return new ReviewState(successfulReviews, Duration.ofSeconds(intervalSeconds), dueAt);
    }

    /**
     * The review state after an answer that left mastery at {@code mastery}: none below the mastered bar; the first
     * review scheduled when the outcome is newly mastered; a longer gap when an answer at or after the due date went
     * well. An answer before the due date leaves the schedule alone.
     */
    static Review next(Review current, double mastery, double credit, Instant at, ReviewSchedule schedule) {
        if (mastery < MasteryConfidence.MASTERED_AT) {
            return null;
        }
        if (current == null) {
            return of(schedule.mastered(at));
        }
        return at.isBefore(current.dueAt()) ? current : of(schedule.reviewed(current.state(), credit, at));
    }
}
