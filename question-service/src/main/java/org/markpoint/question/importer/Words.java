package org.markpoint.question.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The small amount of English the importer needs: slugs, crude stems for overlap, phrase runs, abbreviations. */
final class Words {

    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "of", "to", "and", "or", "for", "in", "on", "with", "by", "at", "as", "is", "are",
            "be", "been", "their", "its", "it", "this", "that", "these", "those", "how", "what", "why", "which",
            "into", "from", "using", "use", "uses", "used", "such", "e", "g", "eg", "etc", "including", "e.g",
            "directly", "clear", "clearly", "specific", "key", "different", "your", "you", "own", "has", "have",
            "can", "will", "would", "should", "all", "any", "each", "both", "within", "across", "through", "line",
            "show", "showing", "ensure", "ensured", "ensuring", "them", "they", "there", "not", "just", "more");

    /** Words so common on these pages that sharing them says nothing about which outcome a criterion serves. */
    private static final List<String> SUFFIXES = List.of(
            "ments", "ment", "ings", "ing", "ion", "ies", "ied", "es", "ed", "al", "ly", "s", "e");

    private static final Set<String> UBIQUITOUS = Set.of(stem("customer"), stem("service"), stem("understand"));

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ABBREVIATION = Pattern.compile("([A-Za-z][A-Za-z\\- ]{2,80}?)\\s*\\(([A-Z]{2,6})s?\\)");

    private Words() {
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return NON_WORD.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("(^-+|-+$)", "");
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Content-word stems of a text, in order of first appearance. */
    static Set<String> stems(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : tokens(text)) {
            if (!STOP.contains(t) && t.length() > 2) {
                out.add(stem(t));
            }
        }
        return out;
    }

    /**
     * A crude stem: up to two common suffixes off, then at most seven letters. Enough that "training"/"train",
     * "evaluation"/"evaluating" and "improvement"/"improving" meet while "contingency"/"continuous" do not.
     */
    static String stem(String token) {
        String t = token;
        for (int pass = 0; pass < 2; pass++) {
            for (String suffix : SUFFIXES) {
                if (t.endsWith(suffix) && t.length() - suffix.length() >= 4) {
                    t = t.substring(0, t.length() - suffix.length()) + (suffix.equals("ies") ? "y" : "");
                    break;
                }
            }
        }
        return t.length() > 7 ? t.substring(0, 7) : t;
    }

    static Set<String> informativeStems(String text) {
        Set<String> out = stems(text);
        out.removeAll(UBIQUITOUS);
        return out;
    }

    static boolean isUbiquitous(String stem) {
        return UBIQUITOUS.contains(stem);
    }

    static int overlap(Set<String> a, Set<String> b) {
        return (int) a.stream().filter(b::contains).count();
    }

    static boolean isStopWord(String token) {
        return STOP.contains(token);
    }

    /**
     * Runs of content words between stop words and punctuation ("how customer service delivery systems are managed"
     * gives "customer service delivery systems" and "managed").
     */
    static List<String> contentRuns(String text) {
        List<String> runs = new ArrayList<>();
        for (String clause : text.toLowerCase(Locale.ROOT).split("[,;:()/.]|\\s-\\s|—")) {
            List<String> run = new ArrayList<>();
            for (String raw : clause.strip().split("\\s+")) {
                String t = raw.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
                if (t.isEmpty() || STOP.contains(t) || t.equals("are") || t.equals("was")) {
                    flush(run, runs);
                } else {
                    run.add(t);
                }
            }
            flush(run, runs);
        }
        return runs;
    }

    private static void flush(List<String> run, List<String> runs) {
        if (!run.isEmpty()) {
            runs.add(String.join(" ", run));
            run.clear();
        }
    }

    /** Abbreviations the page defines in passing: "net promoter score (NPS)" gives {"net promoter score": "NPS"}. */
    static Map<String, String> abbreviations(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ABBREVIATION.matcher(text);
        while (m.find()) {
            String acronym = m.group(2);
            List<String> words = tokens(m.group(1));
            // take as many trailing words as the acronym has letters, and check their initials agree
            if (words.size() >= acronym.length()) {
                List<String> tail = words.subList(words.size() - acronym.length(), words.size());
                StringBuilder initials = new StringBuilder();
                tail.forEach(w -> initials.append(w.charAt(0)));
                if (initials.toString().equalsIgnoreCase(acronym)) {
                    out.putIfAbsent(String.join(" ", tail), acronym);
                }
            }
        }
        return out;
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String sentence(String text) {
        String t = capitalise(text.strip());
        return t.endsWith(".") || t.endsWith("?") ? t : t + ".";
    }
}
