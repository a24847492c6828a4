package org.markpoint.progress.mastery;

/** Bayesian Knowledge Tracing parameters for one learning outcome. */
public record BktParameters(double prior, double learn, double guess, double slip, double forget) {

    /** Defaults before any data has been fitted: cautious prior, modest learning, common guess/slip values. */
    public static BktParameters defaults() {
        return new BktParameters(0.2, 0.15, 0.2, 0.1, 0.0);
    }
}
