package org.markpoint.marking.cli;

/**
 * The small calibration layers fitted on marked data: ridge linear regression (closed form) and L2 logistic
 * regression (Newton steps), both on standardised features. Fitted on training data only.
 */
final class LinearModels {

    private LinearModels() {
    }

    /** A fitted model: standardisation plus weights (last weight is the bias). */
    record Model(double[] mean, double[] scale, double[] weights, boolean logistic) {

        double predict(double[] x) {
            double z = weights[weights.length - 1];
            for (int j = 0; j < x.length; j++) {
                z += weights[j] * (x[j] - mean[j]) / scale[j];
            }
            return logistic ? 1 / (1 + Math.exp(-z)) : z;
        }
    }

    static Model ridge(double[][] x, double[] y, double lambda) {
        return fit(x, y, lambda, false);
    }

    static Model logistic(double[][] x, double[] y, double lambda) {
        return fit(x, y, lambda, true);
    }

    private static Model fit(double[][] x, double[] y, double lambda, boolean logistic) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] < 1e-12 ? 1 : Math.sqrt(scale[j]);
        }
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
            z[i][d] = 1;
        }
        double[] w = new double[d + 1];
        int iterations = logistic ? 25 : 1;
        for (int it = 0; it < iterations; it++) {
            double[][] h = new double[d + 1][d + 1];
            double[] g = new double[d + 1];
            for (int i = 0; i < n; i++) {
                double weight = 1;
                double residual;
                if (logistic) {
                    double p = 1 / (1 + Math.exp(-dot(w, z[i])));
                    weight = Math.max(p * (1 - p), 1e-6);
                    residual = y[i] - p;
                } else {
                    residual = y[i];
                }
                for (int a = 0; a <= d; a++) {
                    g[a] += residual * z[i][a];
                    for (int b = 0; b <= d; b++) {
                        h[a][b] += weight * z[i][a] * z[i][b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                h[a][a] += lambda;
                if (logistic) {
                    g[a] -= lambda * w[a];
                }
            }
            double[] step = solve(h, g);
            if (logistic) {
                for (int a = 0; a <= d; a++) {
                    w[a] += step[a];
                }
            } else {
                w = step;
            }
        }
        return new Model(mean, scale, w, logistic);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            double pivot = Math.abs(m[c][c]) < 1e-12 ? 1e-12 : m[c][c];
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / pivot;
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / (Math.abs(m[i][i]) < 1e-12 ? 1e-12 : m[i][i]);
        }
        return x;
    }
}
