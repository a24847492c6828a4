package org.markpoint.progress.learner;

import java.time.Instant;
import java.util.Optional;
import org.markpoint.progress.mastery.MasteryEstimate;

/**
 * A learner's current mastery of one learning outcome. {@code review} is the spaced-review state while the outcome
 * counts as mastered, null otherwise (stored as is; read it through {@link #reviewDue()}).
 */
public record OutcomeMastery(String outcomeId, double pKnown, int evidence, Instant updatedAt, Review review) {

    public OutcomeMastery(String outcomeId, double pKnown, int evidence, Instant updatedAt) {
        this(outcomeId, pKnown, evidence, updatedAt, null);
    }

    public MasteryEstimate estimate() {
        return new MasteryEstimate(pKnown, evidence, updatedAt);
    }

    /** When this mastered outcome should next be reviewed; empty while it is not mastered. */
    public Optional<Instant> reviewDue() {
        return Optional.ofNullable(review).map(Review::dueAt);
    }
}
