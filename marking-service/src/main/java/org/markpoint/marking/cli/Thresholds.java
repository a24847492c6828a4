package org.markpoint.marking.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Picks the probability cut that maximises macro-F1 in 5-fold cross-validation grouped by question (training only). */
final class Thresholds {

    private static final int FOLDS = 5;

    private Thresholds() {
    }

    static double bestMacroF1Cut(double[][] x, double[] y, List<SemEvalData.Answer> answers) {
        Map<String, Integer> foldOf = new HashMap<>();
        int[] fold = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            fold[i] = foldOf.computeIfAbsent(answers.get(i).questionId(), q -> foldOf.size() % FOLDS);
        }
        if (foldOf.size() < FOLDS) {
            return 0.5;
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
                    ty.stream().mapToDouble(Double::doubleValue).toArray(), 1.0);
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
        return best;
    }
}
