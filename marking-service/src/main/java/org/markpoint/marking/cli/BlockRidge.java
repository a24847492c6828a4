package org.markpoint.marking.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ridge regression over standardised features plus an unscaled block (embedding products) with its own penalty;
 * the intercept is not penalised. Both penalties are chosen by leave-one-group-out CV over the training rows only,
 * fast because each group's Gram matrix is computed once and the folds' systems are sums of them.
 */
final class BlockRidge {

    /** A fitted model: standardisation of the plain features, weights over [plain, block, 1]. */
    record Fit(double[] mean, double[] scale, double[] weights, double lambda, double blockLambda) {

        double predict(double[] x, double[] block) {
            double z = weights[weights.length - 1];
            for (int j = 0; j < x.length; j++) {
                z += weights[j] * (x[j] - mean[j]) / scale[j];
            }
            for (int j = 0; j < block.length; j++) {
                z += weights[x.length + j] * block[j];
            }
            return z;
        }
    }

    private BlockRidge() {
    }

    /**
     * Fits on {@code train} rows, choosing (lambda, blockLambda) from the grids by the lowest leave-one-group-out
     * squared error of predictions clipped to [lo, hi].
     */
    static Fit fit(List<Integer> train, double[][] x, double[][] block, double[] y, List<String> group,
                   double[] lambdas, double[] blockLambdas, double lo, double hi) {
        int d = x[0].length;
        int b = block[0].length;
        int dim = d + b + 1;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int i : train) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i][j] / train.size();
            }
        }
        for (int i : train) {
            for (int j = 0; j < d; j++) {
                scale[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]) / train.size();
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] < 1e-12 ? 1 : Math.sqrt(scale[j]);
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i : train) {
            groups.computeIfAbsent(group.get(i), g -> new ArrayList<>()).add(i);
        }
        Map<String, double[][]> grams = new LinkedHashMap<>();
        Map<String, double[]> rhs = new LinkedHashMap<>();
        double[][] total = new double[dim][dim];
        double[] totalRhs = new double[dim];
        Map<Integer, double[]> rows = new java.util.HashMap<>();
        for (Map.Entry<String, List<Integer>> e : groups.entrySet()) {
            double[][] g = new double[dim][dim];
            double[] r = new double[dim];
            for (int i : e.getValue()) {
                double[] z = row(x[i], block[i], mean, scale);
                rows.put(i, z);
                for (int p = 0; p < dim; p++) {
                    r[p] += z[p] * y[i];
                    for (int q = p; q < dim; q++) {
                        g[p][q] += z[p] * z[q];
                    }
                }
            }
            for (int p = 0; p < dim; p++) {
                for (int q = 0; q < p; q++) {
                    g[p][q] = g[q][p];
                }
            }
            grams.put(e.getKey(), g);
            rhs.put(e.getKey(), r);
            add(total, totalRhs, g, r, 1);
        }
        double bestLambda = lambdas[0];
        double bestBlock = blockLambdas[0];
        double bestErr = Double.MAX_VALUE;
        for (double lambda : lambdas) {
            for (double blockLambda : b == 0 ? new double[] {blockLambdas[0]} : blockLambdas) {
                double sq = 0;
                for (String held : groups.keySet()) {
                    double[][] g = copy(total);
                    double[] r = totalRhs.clone();
                    add(g, r, grams.get(held), rhs.get(held), -1);
                    double[] w = solve(g, r, d, b, lambda, blockLambda);
                    for (int i : groups.get(held)) {
                        double e = Math.max(lo, Math.min(hi, dot(w, rows.get(i)))) - y[i];
                        sq += e * e;
                    }
                }
                if (sq < bestErr) {
                    bestErr = sq;
                    bestLambda = lambda;
                    bestBlock = blockLambda;
                }
            }
        }
        double[] w = solve(copy(total), totalRhs.clone(), d, b, bestLambda, bestBlock);
        return new Fit(mean, scale, w, bestLambda, bestBlock);
    }

    private static double[] row(double[] x, double[] block, double[] mean, double[] scale) {
        double[] z = new double[x.length + block.length + 1];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / scale[j];
        }
        System.arraycopy(block, 0, z, x.length, block.length);
        z[z.length - 1] = 1;
        return z;
    }

    private static double[] solve(double[][] g, double[] r, int d, int b, double lambda, double blockLambda) {
        for (int j = 0; j < d; j++) {
            g[j][j] += lambda;
        }
        for (int j = d; j < d + b; j++) {
            g[j][j] += blockLambda;
        }
        return cholesky(g, r);
    }

    /** Solves the symmetric positive-definite system in place (Cholesky; the intercept pivot gets a tiny floor). */
    static double[] cholesky(double[][] a, double[] b) {
        int n = b.length;
        for (int j = 0; j < n; j++) {
            double[] aj = a[j];
            double s = aj[j];
            for (int k = 0; k < j; k++) {
                s -= aj[k] * aj[k];
            }
            double diag = Math.sqrt(Math.max(s, 1e-9));
            aj[j] = diag;
            for (int i = j + 1; i < n; i++) {
                double[] ai = a[i];
                double t = ai[j];
                for (int k = 0; k < j; k++) {
                    t -= ai[k] * aj[k];
                }
                ai[j] = t / diag;
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double t = b[i];
            for (int k = 0; k < i; k++) {
                t -= a[i][k] * z[k];
            }
            z[i] = t / a[i][i];
        }
        double[] w = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double t = z[i];
            for (int k = i + 1; k < n; k++) {
                t -= a[k][i] * w[k];
            }
            w[i] = t / a[i][i];
        }
        return w;
    }

    private static void add(double[][] g, double[] r, double[][] dg, double[] dr, int sign) {
        for (int p = 0; p < r.length; p++) {
            r[p] += sign * dr[p];
            for (int q = 0; q < r.length; q++) {
                g[p][q] += sign * dg[p][q];
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
