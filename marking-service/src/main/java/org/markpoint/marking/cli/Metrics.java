package org.markpoint.marking.cli;

/** Agreement figures: Pearson r, RMSE, quadratic weighted kappa, and 2-class accuracy/F1. */
final class Metrics {

    private Metrics() {
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    static double rmse(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return Math.sqrt(s / x.length);
    }

    /** QWK over integer categories 0..max after rounding both (half up). */
    static double qwk(double[] x, double[] y, int max) {
        int k = max + 1;
        double[][] observed = new double[k][k];
        double[] hx = new double[k];
        double[] hy = new double[k];
        int n = x.length;
        for (int i = 0; i < n; i++) {
            int a = clamp((int) Math.floor(x[i] + 0.5), max);
            int b = clamp((int) Math.floor(y[i] + 0.5), max);
            observed[a][b]++;
            hx[a]++;
            hy[b]++;
        }
        double num = 0;
        double den = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double w = (double) (a - b) * (a - b) / ((k - 1) * (k - 1));
                num += w * observed[a][b];
                den += w * hx[a] * hy[b] / n;
            }
        }
        return den == 0 ? 1 : 1 - num / den;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /** accuracy, macro-F1, weighted-F1 for boolean labels (true = correct). */
    static double[] binary(boolean[] gold, boolean[] predicted) {
        int tp = 0;
        int tn = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < gold.length; i++) {
            if (gold[i] && predicted[i]) {
                tp++;
            } else if (!gold[i] && !predicted[i]) {
                tn++;
            } else if (predicted[i]) {
                fp++;
            } else {
                fn++;
            }
        }
        double f1Pos = f1(tp, fp, fn);
        double f1Neg = f1(tn, fn, fp);
        double n = gold.length;
        double pos = tp + fn;
        double neg = tn + fp;
        return new double[] {(tp + tn) / n, (f1Pos + f1Neg) / 2, (f1Pos * pos + f1Neg * neg) / n};
    }

    private static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
