package org.markpoint.marking.moderation;

import java.util.List;

/**
 * How far the engine agrees with tutors on marks both gave: exact and adjacent (within one mark) agreement,
 * quadratic weighted kappa and Pearson r. {@code n} is the number of moderated answers behind the figures.
 */
public record Agreement(int n, double exact, double adjacent, double qwk, double pearson) {

    /** One answer marked by both: the engine's mark, the tutor's, and the maximum. */
    public record Pair(int engine, int tutor, int maxMarks) {
    }

    public static Agreement of(List<Pair> pairs) {
        int n = pairs.size();
        if (n == 0) {
            return new Agreement(0, 0, 0, 0, 0);
        }
        double exact = pairs.stream().filter(p -> p.engine() == p.tutor()).count() / (double) n;
        double adjacent = pairs.stream().filter(p -> Math.abs(p.engine() - p.tutor()) <= 1).count() / (double) n;
        return new Agreement(n, exact, adjacent, qwk(pairs), pearson(pairs));
    }

    static double qwk(List<Pair> pairs) {
        int k = pairs.stream().mapToInt(Pair::maxMarks).max().orElse(0) + 1;
        double[][] observed = new double[k][k];
        double[] engineHist = new double[k];
        double[] tutorHist = new double[k];
        for (Pair p : pairs) {
            int e = clamp(p.engine(), k);
            int t = clamp(p.tutor(), k);
            observed[e][t]++;
            engineHist[e]++;
            tutorHist[t]++;
        }
        double n = pairs.size();
        double num = 0;
        double den = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double w = k == 1 ? 0 : Math.pow(i - j, 2) / Math.pow(k - 1, 2);
                num += w * observed[i][j];
                den += w * engineHist[i] * tutorHist[j] / n;
            }
        }
        return den == 0 ? (num == 0 ? 1 : 0) : 1 - num / den;
    }

    static double pearson(List<Pair> pairs) {
        double n = pairs.size();
        double me = pairs.stream().mapToInt(Pair::engine).average().orElse(0);
        double mt = pairs.stream().mapToInt(Pair::tutor).average().orElse(0);
        double cov = 0;
        double ve = 0;
        double vt = 0;
        for (Pair p : pairs) {
            cov += (p.engine() - me) * (p.tutor() - mt);
            ve += Math.pow(p.engine() - me, 2);
            vt += Math.pow(p.tutor() - mt, 2);
        }
        return ve == 0 || vt == 0 ? 0 : cov / Math.sqrt(ve * vt);
    }

    private static int clamp(int v, int k) {
        return Math.max(0, Math.min(k - 1, v));
    }
}
