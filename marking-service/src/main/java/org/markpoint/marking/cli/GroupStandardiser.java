package org.markpoint.marking.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-question z-scores of chosen feature columns, computed over the (unlabelled) answers to the same question:
 * a question whose reference is long or unusual shifts every answer's overlap, and the answer's standing among
 * its peers corrects for that. Uses no labels.
 */
final class GroupStandardiser {

    private final int[] columns;
    private final Map<String, double[][]> stats = new HashMap<>();

    GroupStandardiser(int[] columns, List<String> groups, List<double[]> rows) {
        this.columns = columns;
        Map<String, double[][]> sums = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            double[][] s = sums.computeIfAbsent(groups.get(i), g -> new double[3][columns.length]);
            for (int c = 0; c < columns.length; c++) {
                double v = rows.get(i)[columns[c]];
                s[0][c] += 1;
                s[1][c] += v;
                s[2][c] += v * v;
            }
        }
        sums.forEach((g, s) -> {
            double[][] meanSd = new double[2][columns.length];
            for (int c = 0; c < columns.length; c++) {
                double n = s[0][c];
                double mean = s[1][c] / n;
                double var = Math.max(0, s[2][c] / n - mean * mean);
                meanSd[0][c] = mean;
                meanSd[1][c] = Math.sqrt(var) + 0.05;
            }
            stats.put(g, meanSd);
        });
    }

    /** The row with, per chosen column, its z-score and its group mean appended. */
    double[] extend(double[] row, String group) {
        double[][] s = stats.get(group);
        double[] out = new double[row.length + 2 * columns.length];
        System.arraycopy(row, 0, out, 0, row.length);
        for (int c = 0; c < columns.length; c++) {
            out[row.length + c] = s == null ? 0 : (row[columns[c]] - s[0][c]) / s[1][c];
            out[row.length + columns.length + c] = s == null ? row[columns[c]] : s[0][c];
        }
        return out;
    }
}
