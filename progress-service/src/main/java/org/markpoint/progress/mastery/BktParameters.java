package org.markpoint.progress.mastery;

/**
 * Bayesian Knowledge Tracing parameters for one learning outcome.
 *
 * <p>{@code prior}: P(known) before any evidence; {@code learn}: P(unknown -> known) between two practice
 * opportunities; {@code guess}: P(correct | unknown); {@code slip}: P(wrong | known); {@code forget}: P(known ->
 * unknown) per practice step (BKT+forgets). {@link KnowledgeTracer} also applies {@code forget} to idle time, one
 * extra step per forgetting period, so a long gap lowers mastery.
 */
public record BktParameters(double prior, double learn, double guess, double slip, double forget) {

    public BktParameters {
        requireProbability("prior", prior);
        requireProbability("learn", learn);
        requireProbability("guess", guess);
        requireProbability("slip", slip);
        requireProbability("forget", forget);
    }

    /** Defaults before any data has been fitted: cautious prior, modest learning, common guess/slip values. */
    public static BktParameters defaults() {
        return new BktParameters(0.2, 0.15, 0.2, 0.1, 0.0);
    }

    /** Defaults with a small per-step forgetting, for outcomes where long gaps should lower mastery before fitting. */
    public static BktParameters defaultsWithForgetting() {
        return new BktParameters(0.2, 0.15, 0.2, 0.1, 0.02);
    }

    /** The same parameters without forgetting: classic four-parameter BKT. */
    public BktParameters withoutForgetting() {
        return new BktParameters(prior, learn, guess, slip, 0.0);
    }

    /** P(correct) on the next item for a learner whose P(known) is {@code pKnown}. */
    public double predictCorrect(double pKnown) {
        return pKnown * (1 - slip) + (1 - pKnown) * guess;
    }

    private static void requireProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], was " + value);
        }
    }
}
