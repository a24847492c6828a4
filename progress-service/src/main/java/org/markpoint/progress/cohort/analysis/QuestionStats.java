package org.markpoint.progress.cohort.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.markpoint.progress.learner.AnswerRecord;

/**
 * Classical item analysis of one question over a cohort. {@code facility}: mean fraction of the marks earned, over
 * every attempt. {@code discrimination}: the Pearson (point-biserial, for 0/1 items) correlation between a learner's
 * score on this question and their total over the other questions, one point per learner (their mean score when
 * they answered it more than once); null below {@link #MIN_ATTEMPTS} attempts or when either score does not vary.
 */
public record QuestionStats(String questionId, int attempts, double facility, Double discrimination) {

    public static final int MIN_ATTEMPTS = 5;

    /** Per question id, in id order; {@code answersByLearner}: each learner's marked answers. */
    public static List<QuestionStats> of(Collection<List<AnswerRecord>> answersByLearner) {
        // each learner's mean score per question
        List<Map<String, Double>> scores = new ArrayList<>();
        Map<String, List<Double>> attempts = new TreeMap<>();
        for (List<AnswerRecord> answers : answersByLearner) {
            Map<String, double[]> sums = new HashMap<>();
            for (AnswerRecord a : answers) {
                attempts.computeIfAbsent(a.questionId(), k -> new ArrayList<>()).add(a.fraction());
                double[] s = sums.computeIfAbsent(a.questionId(), k -> new double[2]);
                s[0] += a.fraction();
                s[1]++;
            }
            Map<String, Double> mean = new HashMap<>();
            sums.forEach((q, s) -> mean.put(q, s[0] / s[1]));
            scores.add(mean);
        }
        List<QuestionStats> stats = new ArrayList<>();
        attempts.forEach((questionId, fractions) -> {
            double facility = fractions.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            Double discrimination = fractions.size() < MIN_ATTEMPTS ? null : discrimination(questionId, scores);
            stats.add(new QuestionStats(questionId, fractions.size(), round(facility),
                    discrimination == null ? null : round(discrimination)));
        });
        return stats;
    }

    private static Double discrimination(String questionId, List<Map<String, Double>> scores) {
        List<double[]> pairs = new ArrayList<>();
        for (Map<String, Double> learner : scores) {
            Double item = learner.get(questionId);
            if (item != null) {
                double rest = learner.entrySet().stream().filter(e -> !e.getKey().equals(questionId))
                        .mapToDouble(Map.Entry::getValue).sum();
                pairs.add(new double[] {item, rest});
            }
        }
        return pearson(pairs);
    }

    /** Null when fewer than two points or either variable is constant. */
    static Double pearson(List<double[]> pairs) {
        int n = pairs.size();
        if (n < 2) {
            return null;
        }
        double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxx < 1e-12 || syy < 1e-12 ? null : sxy / Math.sqrt(sxx * syy);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
