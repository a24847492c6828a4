package org.markpoint.marking.engine;

import java.util.List;

/**
 * How sure the engine is of a mark, in [0,1]: the mean certainty of the point decisions (clear hits and clear
 * misses are sure; partials, misspelling-only hits and contradictions are not), lowered by warning flags.
 */
final class Confidence {

    private Confidence() {
    }

    static double of(List<PointJudge.Outcome> outcomes, List<String> flags, boolean commandWordMet,
                     int misconceptions) {
        double c = 0.8;
        if (!outcomes.isEmpty()) {
            double sum = 0;
            for (PointJudge.Outcome o : outcomes) {
                sum += o.certainty();
            }
            c = sum / outcomes.size();
        }
        for (String f : flags) {
            c *= switch (f) {
                case Flags.NOT_ENGLISH -> 0.5;
                case Flags.POSSIBLE_GAMING -> 0.6;
                case Flags.OFF_TOPIC -> 0.7;
                case Flags.COPIED_QUESTION, Flags.TOO_LONG -> 0.8;
                case Flags.TOO_SHORT -> 0.9;
                default -> 1.0;
            };
        }
        if (!commandWordMet) {
            c *= 0.9;
        }
        if (misconceptions > 0) {
            c *= 0.9;
        }
        return Math.round(Math.max(0, Math.min(1, c)) * 100) / 100.0;
    }
}
