package org.markpoint.progress.mastery;

/** What a tutor dashboard shows for one learner x outcome: the estimate and how far to trust it. */
public enum MasteryConfidence {
    NO_EVIDENCE("No answers yet", "no-evidence"),
    MASTERED_HIGH_CONFIDENCE("Mastered (high confidence)", "mastered"),
    LOOKS_MASTERED_LITTLE_EVIDENCE("Looks mastered, little evidence", "looks-mastered-little-evidence"),
    DEVELOPING("Developing", "developing"),
    NOT_YET_SECURE("Not yet secure", "not-yet-secure");

    /** The mastery a learner must reach for an outcome to count as mastered (the default target). */
    public static final double MASTERED_AT = 0.95;

    /** Answers needed before "mastered" is stated with high confidence. */
    public static final int SECURE_EVIDENCE = 4;
    /** Lower bound the interval must clear for high confidence. */
    public static final double SECURE_LOWER_BOUND = 0.6;
    /** Below this a learner with some evidence is "not yet secure" rather than "developing". */
    public static final double NOT_SECURE_BELOW = 0.5;

    private final String label;
    private final String wireName;

    MasteryConfidence(String label, String wireName) {
        this.label = label;
        this.wireName = wireName;
    }

    public String label() {
        return label;
    }

    /** The {@code status} value in the API. */
    public String wireName() {
        return wireName;
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
