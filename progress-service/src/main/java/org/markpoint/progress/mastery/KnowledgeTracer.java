package org.markpoint.progress.mastery;

import java.time.Instant;

/**
 * Online BKT update with partial credit: an answer that earned fraction {@code credit} of the marks is treated as a
 * mixture of the correct and incorrect observations, so 3/5 moves mastery less than 5/5.
 */
public final class KnowledgeTracer {

    public MasteryEstimate update(MasteryEstimate prior, BktParameters p, double credit, Instant at) {
        double c = Math.max(0, Math.min(1, credit));
        double known = prior.pKnown();
        double likelihoodKnownCorrect = known * (1 - p.slip());
        double likelihoodCorrect = likelihoodKnownCorrect + (1 - known) * p.guess();
        double likelihoodKnownWrong = known * p.slip();
        double likelihoodWrong = likelihoodKnownWrong + (1 - known) * (1 - p.guess());
        double posteriorCorrect = likelihoodKnownCorrect / likelihoodCorrect;
        double posteriorWrong = likelihoodKnownWrong / likelihoodWrong;
        double posterior = c * posteriorCorrect + (1 - c) * posteriorWrong;
        double next = posterior + (1 - posterior) * p.learn();
        return new MasteryEstimate(next, prior.evidence() + 1, at);
    }
}
