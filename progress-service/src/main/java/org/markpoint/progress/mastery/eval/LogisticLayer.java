package org.markpoint.progress.mastery.eval;

import java.util.List;
import org.markpoint.progress.mastery.Logit;

/**
 * A small logistic regression over named features, fitted by Newton's method with an L2 penalty. Few features with
 * names keep it readable: each weight says how much one piece of evidence shifts the log-odds of a right answer.
 */
public record LogisticLayer(List<String> featureNames, double[] weights) {

    public double predict(double[] features) {
        double z = 0;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * features[i];
        }
        return Logit.sigmoid(z);
    }

    /** Fits weights on rows of features (include a constant 1 column for the intercept) and 0..1 labels. */
    public static LogisticLayer fit(List<String> names, double[][] rows, double[] labels, double l2) {
        int d = names.size();
        double[] w = new double[d];
        for (int iteration = 0; iteration < 30; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int r = 0; r < rows.length; r++) {
                double[] x = rows[r];
                double z = 0;
                for (int i = 0; i < d; i++) {
                    z += w[i] * x[i];
                }
                double p = Logit.sigmoid(z);
                double residual = labels[r] - p;
                double weight = Math.max(p * (1 - p), 1e-9);
                for (int i = 0; i < d; i++) {
                    gradient[i] += residual * x[i];
                    double wx = weight * x[i];
                    for (int j = 0; j <= i; j++) {
                        hessian[i][j] += wx * x[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                gradient[i] -= l2 * w[i];
                hessian[i][i] += l2;
                for (int j = 0; j < i; j++) {
                    hessian[j][i] = hessian[i][j];
                }
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int i = 0; i < d; i++) {
                w[i] += step[i];
                largest = Math.max(largest, Math.abs(step[i]));
            }
            if (largest < 1e-7) {
                break;
            }
        }
        return new LogisticLayer(List.copyOf(names), w);
    }

    /** Gaussian elimination with partial pivoting; the matrix is small (one row per feature). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            if (Math.abs(m[col][col]) < 1e-12) {
                continue;
            }
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : s / m[i][i];
        }
        return x;
    }
}
