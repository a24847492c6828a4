package org.markpoint.marking.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Picks the L2 penalty and the probability cut that maximise macro-F1 in 5-fold cross-validation grouped by
 * question (training data only).
 */
final class Thresholds {

    private static final int FOLDS = 5;

    private Thresholds() {
    }

    /** A fitted probability model. */
    interface Classifier {
        double predict(double[] x);
    }

    /** A way to fit a classifier on training rows, by name (e.g. "logistic lambda 10"). */
    record Candidate(String name, java.util.function.BiFunction<double[][], double[], Classifier> fitter) {

        Classifier fit(double[][] x, double[] y) {
            return fitter.apply(x, y);
        }

        static Candidate logistic(double lambda) {
            return new Candidate(String.format(java.util.Locale.ROOT, "logistic lambda %.0f", lambda),
                    (x, y) -> LinearModels.logistic(x, y, lambda)::predict);
        }
    }

    /** The chosen candidate and cut, and the cross-validated macro-F1 they reached. */
    record Choice(Candidate candidate, double cut, double macroF1) {
    }

    static Choice choose(double[][] x, double[] y, List<SemEvalData.Answer> answers, List<Candidate> candidates) {
        return choose(x, y, questionFolds(answers), candidates);
    }

    /**
     * The same choice over the given fold of every row (e.g. {@link #moduleFolds}: the proxy for unseen domains).
     */
    static Choice choose(double[][] x, double[] y, int[] fold, List<Candidate> candidates) {
        Choice best = null;
        for (Candidate candidate : candidates) {
            Choice c = bestMacroF1Cut(x, y, fold, candidate);
            if (best == null || c.macroF1() > best.macroF1() + 1e-9) {
                best = c;
            }
        }
        return best;
    }

    /** Five folds, questions dealt to them in order of first appearance. */
    static int[] questionFolds(List<SemEvalData.Answer> answers) {
        return folds(answers, q -> q, FOLDS);
    }

    /**
     * One fold per SciEntsBank module (the question id's prefix before {@code _}, e.g. {@code EM_45b}): held-out
     * folds then hold only questions of a domain the fit never saw, a training-only proxy for unseen domains.
     */
    static int[] moduleFolds(List<SemEvalData.Answer> answers) {
        return folds(answers, q -> q.substring(0, Math.max(0, q.indexOf('_'))), Integer.MAX_VALUE);
    }

    /** Each answer's fold: the groups (of question ids) dealt to folds in order of first appearance, wrapping. */
    private static int[] folds(List<SemEvalData.Answer> answers, UnaryOperator<String> groupOfQuestion, int wrap) {
        Map<String, Integer> foldOf = new HashMap<>();
        int[] fold = new int[answers.size()];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = foldOf.computeIfAbsent(groupOfQuestion.apply(answers.get(i).questionId()),
                    g -> foldOf.size() % wrap);
        }
        return fold;
    }

    static Choice bestMacroF1Cut(double[][] x, double[] y, int[] fold, Candidate candidate) {
        int folds = java.util.Arrays.stream(fold).max().orElse(-1) + 1;
        if (folds < FOLDS) {
            return new Choice(candidate, 0.5, Double.NaN);
        }
        double[] p = new double[y.length];
        for (int f = 0; f < folds; f++) {
            List<double[]> tx = new ArrayList<>();
            List<Double> ty = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (fold[i] != f) {
                    tx.add(x[i]);
                    ty.add(y[i]);
                }
            }
            Classifier m = candidate.fit(tx.toArray(double[][]::new),
                    ty.stream().mapToDouble(Double::doubleValue).toArray());
            for (int i = 0; i < y.length; i++) {
                if (fold[i] == f) {
                    p[i] = m.predict(x[i]);
                }
            }
        }
        boolean[] gold = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            gold[i] = y[i] > 0.5;
        }
        double best = 0.5;
        double bestF1 = -1;
        for (double cut = 0.30; cut <= 0.701; cut += 0.02) {
            boolean[] pred = new boolean[y.length];
            for (int i = 0; i < y.length; i++) {
                pred[i] = p[i] >= cut;
            }
            double f1 = Metrics.binary(gold, pred)[1];
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = cut;
            }
        }
        return new Choice(candidate, best, bestF1);
    }
}
