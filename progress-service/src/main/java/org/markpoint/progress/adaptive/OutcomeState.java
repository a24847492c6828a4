package org.markpoint.progress.adaptive;

import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.MasteryEstimate;

/** A learner's current mastery of one outcome in the quiz's scope, with that outcome's fitted parameters. */
public record OutcomeState(String outcomeId, MasteryEstimate estimate, BktParameters parameters) {
}
