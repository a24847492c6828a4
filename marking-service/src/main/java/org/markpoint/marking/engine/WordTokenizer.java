package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A fast rule-based word tokenizer for the hot path (OpenNLP's maximum-entropy tokenizer costs more than the
 * rest of the marking). Words keep internal apostrophes ("don't", "customer's") and decimal points ("1.5");
 * hyphens split compounds so "front-line" meets "front line"; any other symbol is a token of its own.
 */
final class WordTokenizer {

    private WordTokenizer() {
    }

    /** Token spans {start, end} within {@code text[from, to)}. */
    static List<int[]> tokenize(String text, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                i++;
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                out.add(new int[] {i, i + 1});
                i++;
                continue;
            }
            int start = i;
            i++;
            while (i < to) {
                char d = text.charAt(i);
                if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                    i++;
                } else if (isJoiner(d) && i + 1 < to && Character.isLetterOrDigit(text.charAt(i + 1))
                        && joins(d, text.charAt(i - 1), text.charAt(i + 1))) {
                    i += 2;
                } else {
                    break;
                }
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    private static boolean isJoiner(char d) {
        return d == '\'' || d == '\u2019' || d == '.' || d == ',';
    }

    private static boolean joins(char d, char before, char after) {
        if (d == '.' || d == ',') {
            return Character.isDigit(before) && Character.isDigit(after);
        }
        return Character.isLetter(after);
    }
}
