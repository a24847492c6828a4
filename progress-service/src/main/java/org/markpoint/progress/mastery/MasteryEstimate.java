package org.markpoint.progress.mastery;

import java.time.Instant;

/** A learner's estimated probability of knowing one learning outcome, with how much evidence stands behind it. */
public record MasteryEstimate(double pKnown, int evidence, Instant updatedAt) {

    public static MasteryEstimate initial(BktParameters params, Instant at) {
        return new MasteryEstimate(params.prior(), 0, at);
    }

    /** A range the estimate could plausibly move within; narrows as evidence accumulates. */
    public MasteryInterval interval() {
        return MasteryInterval.around(pKnown, evidence);
    }

    /** The label a tutor sees, e.g. mastered with high confidence vs looks mastered on little evidence. */
    public MasteryConfidence confidence(double target) {
        return MasteryConfidence.of(this, target);
    }
}
