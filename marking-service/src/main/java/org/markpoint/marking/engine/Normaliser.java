package org.markpoint.marking.engine;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Normalises one token's surface form: Unicode (NFKC, typographic quotes and dashes), case, British/American
 * spelling (canonical form is British), number words, and expands contractions into several words. Working per
 * token keeps every normalised word tied to its span in the original text.
 */
final class Normaliser {

    private static final Map<String, List<String>> CONTRACTIONS = Map.ofEntries(
            Map.entry("can't", List.of("can", "not")), Map.entry("cannot", List.of("can", "not")),
            Map.entry("won't", List.of("will", "not")), Map.entry("shan't", List.of("shall", "not")),
            Map.entry("ain't", List.of("is", "not")), Map.entry("n't", List.of("not")),
            Map.entry("'re", List.of("are")), Map.entry("'ve", List.of("have")), Map.entry("'ll", List.of("will")),
            Map.entry("'d", List.of("would")), Map.entry("'m", List.of("am")), Map.entry("let's", List.of("let", "us")));

    private static final Map<String, String> NUMBERS = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"),
            Map.entry("twelve", "12"), Map.entry("twenty", "20"), Map.entry("hundred", "100"),
            Map.entry("thousand", "1000"));

    private final Map<String, String> americanToBritish;

    Normaliser(Lexicon lexicon) {
        this.americanToBritish = lexicon.americanToBritish;
    }

    /** Unicode and case folding only; same-length-insensitive (callers keep the original offsets). */
    static String fold(String s) {
        String t = s;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) > 127) {
                t = Normalizer.normalize(t, Normalizer.Form.NFKC)
                        .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'')
                        .replace('\u201C', '"').replace('\u201D', '"')
                        .replace('\u2013', '-').replace('\u2014', '-');
                break;
            }
        }
        return t.toLowerCase(Locale.ROOT);
    }

    /** The normalised words for one token, usually exactly one; contractions give two. */
    List<String> words(String surface) {
        String w = fold(surface);
        List<String> contraction = CONTRACTIONS.get(w);
        if (contraction != null) {
            return contraction;
        }
        if (w.endsWith("n't") && w.length() > 3) {
            return List.of(spelling(w.substring(0, w.length() - 3)), "not");
        }
        if (w.endsWith("'s") && w.length() > 2) {
            return List.of(spelling(w.substring(0, w.length() - 2)));
        }
        if (w.endsWith("s'") && w.length() > 2) {
            return List.of(spelling(w.substring(0, w.length() - 1)));
        }
        for (String suffix : List.of("'re", "'ve", "'ll", "'d", "'m")) {
            if (w.endsWith(suffix) && w.length() > suffix.length()) {
                return List.of(spelling(w.substring(0, w.length() - suffix.length())),
                        CONTRACTIONS.get(suffix).get(0));
            }
        }
        return List.of(spelling(w));
    }

    String spelling(String w) {
        String mapped = americanToBritish.get(w);
        if (mapped != null) {
            return mapped;
        }
        String num = NUMBERS.get(w);
        if (num != null) {
            return num;
        }
        if (w.length() >= 7) {
            // -ize/-yze family to -ise/-yse; short words (size, prize, seize) are left alone by the length guard.
            int at = w.indexOf("iz", w.length() - 7);
            if (at > 2 && (w.endsWith("ize") || w.endsWith("ized") || w.endsWith("izes") || w.endsWith("izing")
                    || w.endsWith("ization") || w.endsWith("izations") || w.endsWith("izer") || w.endsWith("izers"))) {
                return w.substring(0, at) + "is" + w.substring(at + 2);
            }
            if (w.endsWith("yze") || w.endsWith("yzed") || w.endsWith("yzes") || w.endsWith("yzing")) {
                int y = w.lastIndexOf("yz");
                return w.substring(0, y) + "ys" + w.substring(y + 2);
            }
        }
        return w;
    }
}
