package org.markpoint.progress.mastery.eval;

/** One learner's responses on one skill, in order; credits in [0, 1]. */
public record SkillTrace(int learner, int skill, double[] credits) {

    public int length() {
        return credits.length;
    }
}
