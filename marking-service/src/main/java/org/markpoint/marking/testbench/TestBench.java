package org.markpoint.marking.testbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.markpoint.marking.engine.MarkResult;
import org.markpoint.marking.engine.MarkingEngine;
import org.markpoint.marking.engine.PointResult;
import org.markpoint.marking.engine.PointStatus;
import org.markpoint.marking.moderation.Agreement;
import org.markpoint.marking.testbench.TestBenchReport.ConfusionMatrix;
import org.markpoint.marking.testbench.TestBenchReport.Disagreement;
import org.markpoint.marking.testbench.TestBenchReport.PointEvidence;
import org.markpoint.marking.testbench.TestBenchReport.PointRate;
import org.markpoint.marking.testbench.TestBenchReport.RowProblem;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;

/**
 * The scheme test bench: marks human-marked answers with the engine (nothing is stored) and compares. An examiner
 * uses it before a scheme goes live, to see which points never fire, which fire on weak answers, and where the
 * engine and the human part company.
 */
public final class TestBench {

    private final MarkingEngine engine;

    public TestBench(MarkingEngine engine) {
        this.engine = engine;
    }

    public TestBenchReport run(MarkingScheme scheme, List<HumanMark> answers, List<RowProblem> rowProblems, int top) {
        List<MarkResult> results = answers.parallelStream().map(a -> engine.mark(a.answer(), scheme)).toList();
        int max = scheme.maxMarks();
        List<Agreement.Pair> pairs = new ArrayList<>();
        int[][] confusion = new int[max + 1][max + 1];
        for (int i = 0; i < answers.size(); i++) {
            int human = answers.get(i).mark();
            int machine = results.get(i).mark();
            pairs.add(new Agreement.Pair(machine, human, max));
            confusion[clamp(human, max)][clamp(machine, max)]++;
        }
        List<Integer> marks = new ArrayList<>();
        List<List<Integer>> counts = new ArrayList<>();
        for (int h = 0; h <= max; h++) {
            marks.add(h);
            List<Integer> row = new ArrayList<>();
            for (int e = 0; e <= max; e++) {
                row.add(confusion[h][e]);
            }
            counts.add(row);
        }
        return new TestBenchReport(answers.size(), max, mean(answers.stream().mapToInt(HumanMark::mark).toArray()),
                mean(results.stream().mapToInt(MarkResult::mark).toArray()), Agreement.of(pairs),
                new ConfusionMatrix(marks, counts), pointRates(scheme, answers, results),
                disagreements(answers, results, top), rowProblems);
    }

    private static List<PointRate> pointRates(MarkingScheme scheme, List<HumanMark> answers,
                                              List<MarkResult> results) {
        List<String> ids = results.isEmpty() ? scheme.markingPoints().stream().map(MarkingPoint::id).toList()
                : results.get(0).points().stream().map(PointResult::id).toList();
        List<PointRate> out = new ArrayList<>();
        for (String id : ids) {
            int hits = 0;
            int partials = 0;
            int misses = 0;
            double humanWhenHit = 0;
            double humanWhenMissed = 0;
            for (int i = 0; i < results.size(); i++) {
                PointStatus status = status(results.get(i), id);
                int human = answers.get(i).mark();
                switch (status) {
                    case HIT -> {
                        hits++;
                        humanWhenHit += human;
                    }
                    case PARTIAL -> partials++;
                    default -> {
                        misses++;
                        humanWhenMissed += human;
                    }
                }
            }
            int n = Math.max(1, results.size());
            out.add(new PointRate(id, text(scheme, id), hits, partials, misses, hits / (double) n,
                    partials / (double) n, hits == 0 ? 0 : humanWhenHit / hits,
                    misses == 0 ? 0 : humanWhenMissed / misses));
        }
        return out;
    }

    /** Largest gap first; among equal gaps, the ones the engine was surest about (the most misleading) first. */
    private static List<Disagreement> disagreements(List<HumanMark> answers, List<MarkResult> results, int top) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).mark() != results.get(i).mark()) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer>comparingInt(i -> -Math.abs(answers.get(i).mark() - results.get(i).mark()))
                .thenComparingDouble(i -> -results.get(i).confidence())
                .thenComparingInt(i -> answers.get(i).row()));
        return order.stream().limit(top).map(i -> {
            MarkResult r = results.get(i);
            HumanMark h = answers.get(i);
            return new Disagreement(h.row(), h.answer(), h.mark(), r.mark(), r.confidence(),
                    r.points().stream().map(p -> new PointEvidence(p.id(), p.status().wireName(), p.marks(),
                            p.evidence(), p.matched())).toList(), r.commandWord(), r.feedback(), r.flags());
        }).toList();
    }

    private static PointStatus status(MarkResult result, String id) {
        return result.points().stream().filter(p -> p.id().equals(id)).map(PointResult::status).findFirst()
                .orElse(PointStatus.MISSED);
    }

    private static String text(MarkingScheme scheme, String id) {
        return scheme.markingPoints().stream().filter(p -> id.equals(p.id())).map(MarkingPoint::text).findFirst()
                .orElse("");
    }

    private static double mean(int[] values) {
        double sum = 0;
        for (int v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
