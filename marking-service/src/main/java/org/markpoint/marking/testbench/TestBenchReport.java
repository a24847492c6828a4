package org.markpoint.marking.testbench;

import java.util.List;
import org.markpoint.marking.engine.CommandWordVerdict;
import org.markpoint.marking.engine.Evidence;
import org.markpoint.marking.moderation.Agreement;

/**
 * What a scheme does on human-marked answers: agreement (exact, adjacent, QWK, Pearson), the confusion matrix of
 * human against engine marks, how often each marking point is hit and whether hitting it goes with higher human
 * marks, and the answers where the two disagree most, with the engine's evidence. Rows that could not be used are
 * listed in {@code rowProblems}.
 */
public record TestBenchReport(int n, int maxMarks, double meanHumanMark, double meanEngineMark, Agreement agreement,
                              ConfusionMatrix confusion, List<PointRate> points, List<Disagreement> disagreements,
                              List<RowProblem> rowProblems) {

    /** {@code counts.get(human).get(engine)}: how many answers got that human mark and that engine mark. */
    public record ConfusionMatrix(List<Integer> marks, List<List<Integer>> counts) {
    }

    /**
     * How one marking point fared over all answers. {@code meanHumanMarkWhenHit} against {@code ...WhenMissed}
     * shows whether the point tracks what the human rewarded (0 when there is no such answer: see the counts).
     */
    public record PointRate(String id, String text, int hits, int partials, int misses, double hitRate,
                            double partialRate, double meanHumanMarkWhenHit, double meanHumanMarkWhenMissed) {
    }

    /** One answer where engine and human differ, with what the engine saw in it. */
    public record Disagreement(int row, String answer, int humanMark, int engineMark, double confidence,
                               List<PointEvidence> points, CommandWordVerdict commandWord, List<String> feedback,
                               List<String> flags) {
    }

    /** A marking point's status (hit, partial, missed) on one answer and the learner's words that earned it. */
    public record PointEvidence(String id, String status, int marks, List<Evidence> evidence, String matched) {
    }

    /** A row left out of the figures, and why. */
    public record RowProblem(int row, String field, String message) {
    }
}
