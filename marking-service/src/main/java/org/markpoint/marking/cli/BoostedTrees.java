package org.markpoint.marking.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gradient-boosted shallow trees for a binary label (logistic loss, Newton leaf values with an L2 penalty), on
 * features cut into at most {@value #BINS} quantile bins of the training data. A candidate beside the logistic
 * calibration: it can model interactions (e.g. high recall matters only with high precision). Deterministic: no
 * sampling.
 */
final class BoostedTrees implements Thresholds.Classifier {

    private static final int BINS = 32;

    private final double[][] edges;
    private final List<Node> trees;
    private final double base;
    private final double rate;

    private BoostedTrees(double[][] edges, List<Node> trees, double base, double rate) {
        this.edges = edges;
        this.trees = trees;
        this.base = base;
        this.rate = rate;
    }

    /** A split (feature, bin cut, children) or a leaf (feature -1, value). */
    private record Node(int feature, int cut, Node left, Node right, double value) {

        double at(int[] bins) {
            Node n = this;
            while (n.feature >= 0) {
                n = bins[n.feature] <= n.cut ? n.left : n.right;
            }
            return n.value;
        }
    }

    static BoostedTrees fit(double[][] x, double[] y, int rounds, int depth, double rate, int minLeaf) {
        int n = x.length;
        int d = x[0].length;
        double[][] edges = new double[d][];
        for (int j = 0; j < d; j++) {
            edges[j] = quantileEdges(x, j);
        }
        int[][] bins = new int[n][];
        for (int i = 0; i < n; i++) {
            bins[i] = bin(edges, x[i]);
        }
        double mean = Math.min(1 - 1e-3, Math.max(1e-3, Arrays.stream(y).average().orElse(0.5)));
        double base = Math.log(mean / (1 - mean));
        double[] f = new double[n];
        Arrays.fill(f, base);
        List<Node> trees = new ArrayList<>();
        double[] g = new double[n];
        double[] h = new double[n];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-f[i]));
                g[i] = y[i] - p;
                h[i] = Math.max(p * (1 - p), 1e-6);
            }
            Node tree = grow(bins, g, h, all, depth, minLeaf, d);
            trees.add(tree);
            for (int i = 0; i < n; i++) {
                f[i] += rate * tree.at(bins[i]);
            }
        }
        return new BoostedTrees(edges, trees, base, rate);
    }

    @Override
    public double predict(double[] x) {
        int[] b = bin(edges, x);
        double z = base;
        for (Node t : trees) {
            z += rate * t.at(b);
        }
        return 1 / (1 + Math.exp(-z));
    }

    private static final double LEAF_PENALTY = 1;

    private static Node grow(int[][] bins, double[] g, double[] h, int[] rows, int depth, int minLeaf, int d) {
        double gs = 0;
        double hs = 0;
        for (int i : rows) {
            gs += g[i];
            hs += h[i];
        }
        Node leaf = new Node(-1, 0, null, null, gs / (hs + LEAF_PENALTY));
        if (depth == 0 || rows.length < 2 * minLeaf) {
            return leaf;
        }
        double parent = gs * gs / (hs + LEAF_PENALTY);
        double bestGain = 1e-9;
        int bestFeature = -1;
        int bestCut = 0;
        for (int j = 0; j < d; j++) {
            double[] gb = new double[BINS + 1];
            double[] hb = new double[BINS + 1];
            int[] cb = new int[BINS + 1];
            for (int i : rows) {
                int b = bins[i][j];
                gb[b] += g[i];
                hb[b] += h[i];
                cb[b]++;
            }
            double gl = 0;
            double hl = 0;
            int cl = 0;
            for (int c = 0; c < BINS; c++) {
                gl += gb[c];
                hl += hb[c];
                cl += cb[c];
                if (cl < minLeaf || rows.length - cl < minLeaf) {
                    continue;
                }
                double gain = gl * gl / (hl + LEAF_PENALTY)
                        + (gs - gl) * (gs - gl) / (hs - hl + LEAF_PENALTY) - parent;
                if (gain > bestGain) {
                    bestGain = gain;
                    bestFeature = j;
                    bestCut = c;
                }
            }
        }
        if (bestFeature < 0) {
            return leaf;
        }
        int feature = bestFeature;
        int cut = bestCut;
        int[] left = Arrays.stream(rows).filter(i -> bins[i][feature] <= cut).toArray();
        int[] right = Arrays.stream(rows).filter(i -> bins[i][feature] > cut).toArray();
        return new Node(feature, cut, grow(bins, g, h, left, depth - 1, minLeaf, d),
                grow(bins, g, h, right, depth - 1, minLeaf, d), 0);
    }

    /** Distinct inner quantiles of column {@code j} (at most BINS - 1 edges). */
    private static double[] quantileEdges(double[][] x, int j) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = x[i][j];
        }
        Arrays.sort(v);
        double[] e = new double[BINS - 1];
        int k = 0;
        for (int q = 1; q < BINS; q++) {
            double edge = v[(int) Math.min(v.length - 1, (long) q * v.length / BINS)];
            if (k == 0 || edge > e[k - 1]) {
                e[k++] = edge;
            }
        }
        return Arrays.copyOf(e, k);
    }

    /** Bin index per feature: the number of edges strictly below the value (so 0..edges). */
    private static int[] bin(double[][] edges, double[] x) {
        int[] b = new int[x.length];
        for (int j = 0; j < x.length; j++) {
            int lo = 0;
            int hi = edges[j].length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (edges[j][mid] < x[j]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            b[j] = lo;
        }
        return b;
    }
}
