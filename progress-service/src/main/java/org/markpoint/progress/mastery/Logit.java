package org.markpoint.progress.mastery;

/** The logistic function and its inverse, clamped so probabilities of exactly 0 or 1 stay finite. */
public final class Logit {

    private static final double EPS = 1e-6;

    private Logit() {
    }

    public static double of(double p) {
        double q = Math.max(EPS, Math.min(1 - EPS, p));
        return Math.log(q / (1 - q));
    }

    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
