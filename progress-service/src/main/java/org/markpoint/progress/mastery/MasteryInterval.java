package org.markpoint.progress.mastery;

/**
 * An approximate 90% interval for a mastery estimate, treating the evidence count as the sample size behind it
 * (Wilson score interval). BKT's posterior is a point probability; this interval states how far a few more answers
 * could move it, which is what a tutor needs to tell "mastered" from "looks mastered on two answers".
 */
public record MasteryInterval(double lower, double upper) {

    private static final double Z = 1.645;

    public MasteryInterval {
        if (!(0 <= lower && lower <= upper && upper <= 1)) {
            throw new IllegalArgumentException("need 0 <= lower <= upper <= 1, was " + lower + ", " + upper);
        }
    }

    public static MasteryInterval around(double p, int evidence) {
        // One pseudo-observation stands for the prior, so an estimate with no evidence is still wide but not [0, 1].
        double n = evidence + 1.0;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        double lower = Math.max(0, centre - half);
        double upper = Math.min(1, centre + half);
        return new MasteryInterval(Math.min(lower, p), Math.max(upper, p));
    }

    public double width() {
        return upper - lower;
    }
}
