package org.markpoint.marking.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the L2 penalty and the probability cut that maximise macro-F1 in 5-fold cross-validation grouped by
 * question (training data only).
 */
final class Thresholds {

    private static final int FOLDS = 5;

    private Thresholds() {
    }

    /** The chosen penalty and cut, and the cross-validated macro-F1 they reached. */
    record Choice(double lambda, double cut, double macroF1) {
    }

    static Choice choose(double[][] x, double[] y, List<SemEvalData.Answer> answers, double[] lambdas) {
        Choice best = null;
        for (double lambda : lambdas) {
            Choice c = bestMacroF1Cut(x, y, answers, lambda);
            if (best == null || c.macroF1() > best.macroF1() + 1e-9) {
                best = c;
            }
        }
        return best;
    }

    static Choice bestMacroF1Cut(double[][] x, double[] y, List<SemEvalData.Answer> answers, double lambda) {
        Map<String, Integer> foldOf = new HashMap<>();
        int[] fold = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            fold[i] = foldOf.computeIfAbsent(answers.get(i).questionId(), q -> foldOf.size() % FOLDS);
        }
        if (foldOf.size() < FOLDS) {
            return new Choice(lambda, 0.5, Double.NaN);
        }
        double[] p = new double[y.length];
        for (int f = 0; f < FOLDS; f++) {
            List<double[]> tx = new ArrayList<>();
            List<Double> ty = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (fold[i] != f) {
                    tx.add(x[i]);
                    ty.add(y[i]);
                }
            }
            LinearModels.Model m = LinearModels.logistic(tx.toArray(double[][]::new),
                    ty.stream().mapToDouble(Double::doubleValue).toArray(), lambda);
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
        return new Choice(lambda, best, bestF1);
    }
}
