package org.markpoint.progress.learner;

import java.time.Instant;

/** A learner's current mastery of one learning outcome. */
public record OutcomeMastery(String outcomeId, double pKnown, int evidence, Instant updatedAt) {
}
