package org.markpoint.progress.mastery;

/** What a tutor dashboard shows for one learner x outcome: the estimate and how far to trust it. */
public enum MasteryConfidence {
    NO_EVIDENCE("No answers yet"),
    MASTERED_HIGH_CONFIDENCE("Mastered (high confidence)"),
    LOOKS_MASTERED_LITTLE_EVIDENCE("Looks mastered, little evidence"),
    DEVELOPING("Developing"),
    NOT_YET_SECURE("Not yet secure");

    /** Answers needed before "mastered" is stated with high confidence. */
    public static final int SECURE_EVIDENCE = 4;
    /** Lower bound the interval must clear for high confidence. */
    public static final double SECURE_LOWER_BOUND = 0.6;
    /** Below this a learner with some evidence is "not yet secure" rather than "developing". */
    public static final double NOT_SECURE_BELOW = 0.5;

    private final String label;

    MasteryConfidence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static MasteryConfidence of(MasteryEstimate estimate, double target) {
        if (estimate.evidence() == 0) {
            return NO_EVIDENCE;
        }
        if (estimate.pKnown() >= target) {
            boolean secure = estimate.evidence() >= SECURE_EVIDENCE
                    && estimate.interval().lower() >= SECURE_LOWER_BOUND;
            return secure ? MASTERED_HIGH_CONFIDENCE : LOOKS_MASTERED_LITTLE_EVIDENCE;
        }
        return estimate.pKnown() < NOT_SECURE_BELOW ? NOT_YET_SECURE : DEVELOPING;
    }
}
