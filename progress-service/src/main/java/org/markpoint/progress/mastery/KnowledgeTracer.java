package org.markpoint.progress.mastery;

import java.time.Duration;
import java.time.Instant;

/**
 * Online BKT update (O(1) per answer) with partial credit, item difficulty and forgetting.
 *
 * <p>Partial credit: an answer that earned fraction {@code credit} of the marks is soft evidence (Jeffrey's rule):
 * the posterior is the credit-weighted mix of the posteriors after a correct and after a wrong answer, so 3/5 moves
 * mastery less than 5/5.
 *
 * <p>Forgetting: {@code forget} is P(known -> unknown) per practice step (BKT+forgets, fitted from step data).
 * Idle time also counts: every {@code forgettingPeriod} since the last update is one more step of forgetting, so a
 * learner who comes back after months starts lower than one who practised yesterday.
 */
public final class KnowledgeTracer {

    /** One step of forgetting per week of idle time, unless configured otherwise. */
    public static final Duration DEFAULT_FORGETTING_PERIOD = Duration.ofDays(7);

    private final double forgettingPeriodSeconds;

    public KnowledgeTracer() {
        this(DEFAULT_FORGETTING_PERIOD);
    }

    public KnowledgeTracer(Duration forgettingPeriod) {
        if (forgettingPeriod.isNegative() || forgettingPeriod.isZero()) {
            throw new IllegalArgumentException("forgetting period must be positive, was " + forgettingPeriod);
        }
        this.forgettingPeriodSeconds = forgettingPeriod.toMillis() / 1000.0;
    }

    public MasteryEstimate update(MasteryEstimate prior, BktParameters p, double credit, Instant at) {
        return update(prior, p, credit, at, 0.0);
    }

    /**
     * As {@link #update(MasteryEstimate, BktParameters, double, Instant)}, for an item whose difficulty (logits,
     * 0 = an average item of the outcome) shifts guess down and slip up: a right answer to a hard item says more.
     */
    public MasteryEstimate update(MasteryEstimate prior, BktParameters p, double credit, Instant at,
            double itemDifficulty) {
        double known = decayed(prior, p, at);
        double guess = adjustedGuess(p, itemDifficulty);
        double slip = adjustedSlip(p, itemDifficulty);
        double post = posterior(known, guess, slip, credit);
        double next = transition(post, p.learn(), p.forget());
        Instant updatedAt = at.isAfter(prior.updatedAt()) ? at : prior.updatedAt();
        return new MasteryEstimate(next, prior.evidence() + 1, updatedAt);
    }

    /** The estimate as it stands at {@code at}, after forgetting over the idle time; evidence is unchanged. */
    public MasteryEstimate asOf(MasteryEstimate estimate, BktParameters p, Instant at) {
        double known = decayed(estimate, p, at);
        Instant updatedAt = at.isAfter(estimate.updatedAt()) ? at : estimate.updatedAt();
        return new MasteryEstimate(known, estimate.evidence(), updatedAt);
    }

    /** P(the learner answers an item of this difficulty correctly), at {@code at}. */
    public double predictCorrect(MasteryEstimate estimate, BktParameters p, double itemDifficulty, Instant at) {
        double known = decayed(estimate, p, at);
        return known * (1 - adjustedSlip(p, itemDifficulty)) + (1 - known) * adjustedGuess(p, itemDifficulty);
    }

    private double decayed(MasteryEstimate estimate, BktParameters p, Instant at) {
        if (p.forget() == 0 || !at.isAfter(estimate.updatedAt())) {
            return estimate.pKnown();
        }
        double idleSteps = Duration.between(estimate.updatedAt(), at).toMillis() / 1000.0 / forgettingPeriodSeconds;
        return estimate.pKnown() * Math.pow(1 - p.forget(), idleSteps);
    }

    /** P(known | answer with this credit), before the learning/forgetting transition. */
    public static double posterior(double known, double guess, double slip, double credit) {
        double c = Math.max(0, Math.min(1, credit));
        double knownAndCorrect = known * (1 - slip);
        double correct = knownAndCorrect + (1 - known) * guess;
        double knownAndWrong = known * slip;
        double wrong = knownAndWrong + (1 - known) * (1 - guess);
        double afterCorrect = correct > 0 ? knownAndCorrect / correct : known;
        double afterWrong = wrong > 0 ? knownAndWrong / wrong : known;
        return c * afterCorrect + (1 - c) * afterWrong;
    }

    /** P(known at the next opportunity) given P(known) now: learn if unknown, forget if known. */
    public static double transition(double known, double learn, double forget) {
        return known * (1 - forget) + (1 - known) * learn;
    }

    static double adjustedGuess(BktParameters p, double difficulty) {
        return difficulty == 0 ? p.guess() : Logit.sigmoid(Logit.of(p.guess()) - difficulty);
    }

    static double adjustedSlip(BktParameters p, double difficulty) {
        return difficulty == 0 ? p.slip() : Logit.sigmoid(Logit.of(p.slip()) + difficulty);
    }
}
