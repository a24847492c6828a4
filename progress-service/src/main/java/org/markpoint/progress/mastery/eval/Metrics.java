package org.markpoint.progress.mastery.eval;

import java.util.Arrays;

/** Pooled prediction quality: AUC (ties get average ranks) and RMSE. */
public final class Metrics {

    private Metrics() {
    }

    /** Area under the ROC curve; labels >= 0.5 count as positive. NaN when one class is missing. */
    public static double auc(double[] scores, double[] labels) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] >= 0.5) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    public static double rmse(double[] predictions, double[] labels) {
        double sum = 0;
        for (int i = 0; i < predictions.length; i++) {
            double d = predictions[i] - labels[i];
            sum += d * d;
        }
        return Math.sqrt(sum / predictions.length);
    }
}
