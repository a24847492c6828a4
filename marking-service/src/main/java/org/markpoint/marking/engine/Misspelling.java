package org.markpoint.marking.engine;

/** Misspelling tolerance: edit distance (with transpositions) allowed grows with word length; short words get none. */
final class Misspelling {

    private Misspelling() {
    }

    static int allowedEdits(int length) {
        if (length < PhraseCompiler.MIN_FUZZY_LENGTH) {
            return 0;
        }
        return length >= 8 ? 2 : 1;
    }

    /** True when {@code written} is within the allowed edits of {@code expected} (and not identical). */
    static boolean isMisspeltFormOf(String expected, String written) {
        int max = allowedEdits(expected.length());
        if (max == 0 || written.length() < 4 || Math.abs(expected.length() - written.length()) > max
                || expected.equals(written) || expected.charAt(0) != written.charAt(0)) {
            return false;
        }
        return distance(expected, written, max) <= max;
    }

    /** Optimal-string-alignment distance, giving up (returning max+1) once every cell in a row exceeds max. */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
