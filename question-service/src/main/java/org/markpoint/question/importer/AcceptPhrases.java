package org.markpoint.question.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.markpoint.model.scheme.GlossaryTerm;

/**
 * The phrasings that earn a marking point: the point's own content phrases, the examples the examiner gives, the
 * abbreviations the page defines, and the unit's key terms (with their synonyms) that the point mentions. The
 * engine lemmatises and tolerates word order, so phrases here are plain lower-case words.
 */
final class AcceptPhrases {

    private static final int MAX_PHRASES = 12;
    private static final String CUSTOMER_SERVICE = "customer service ";

    /** Abbreviations these pages use without spelling out, so the page-defined ones are not the only source. */
    private static final Map<String, String> WELL_KNOWN = Map.of(
            "key performance indicators", "KPIs",
            "plan-do-check-act", "PDCA");

    /** How an examiner frames a point ("demonstrating an understanding of ..."): not what a learner must say. */
    private static final Set<String> FRAMING = Set.of("demonstrating", "presenting", "producing", "providing",
            "describing", "evaluating", "analysis", "explanation", "understanding", "comprehensive", "knowledge",
            "candidate", "linking", "link", "between", "mapping", "reflect", "designing", "evidence", "ability",
            "identify", "examples", "practical", "showing", "overall", "defined", "core", "detailed", "ensured");

    private final Map<String, String> abbreviations;
    private final List<GlossaryTerm> glossary;

    AcceptPhrases(Map<String, String> pageAbbreviations, List<GlossaryTerm> glossary) {
        this.abbreviations = new LinkedHashMap<>(pageAbbreviations);
        WELL_KNOWN.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> this.abbreviations.putIfAbsent(e.getKey(), e.getValue()));
        this.glossary = List.copyOf(glossary);
    }

    List<String> forPoint(String pointText, List<String> examples) {
        Set<String> out = new LinkedHashSet<>();
        for (String run : unframed(Words.contentRuns(pointText))) {
            int words = run.split(" ").length;
            if (words >= 2 || isWholePoint(run, pointText)) {
                out.add(run);
            }
            if (run.startsWith(CUSTOMER_SERVICE) && words >= 4) {
                out.add(run.substring(CUSTOMER_SERVICE.length()));
            }
            if (words >= 3) {
                // the head of a longer phrase: "increase customer loyalty" is earned by "customer loyalty"
                String[] w = run.split(" ");
                out.add(w[w.length - 2] + " " + w[w.length - 1]);
            }
        }
        examples.forEach(e -> out.add(lowerUnlessAcronym(e)));
        String lower = " " + String.join(" ", Words.tokens(pointText + " " + String.join(" ", examples))) + " ";
        abbreviations.forEach((expansion, acronym) -> {
            String acr = acronym.toLowerCase(Locale.ROOT);
            if (lower.contains(" " + String.join(" ", Words.tokens(expansion)) + " ")) {
                out.add(acronym);
            } else if (lower.contains(" " + acr + " ") || lower.contains(" " + acr + "s ")) {
                out.add(expansion);
            }
        });
        Set<String> pointStems = Words.stems(pointText);
        for (GlossaryTerm term : glossary) {
            Set<String> termStems = Words.informativeStems(term.term());
            if (!termStems.isEmpty() && pointStems.containsAll(termStems)) {
                out.add(term.term().toLowerCase(Locale.ROOT));
                term.synonyms().forEach(out::add);
            }
        }
        if (out.isEmpty()) {
            out.add(String.join(" ", Words.tokens(pointText)));
        }
        List<String> list = new ArrayList<>(out);
        return list.size() <= MAX_PHRASES ? list : list.subList(0, MAX_PHRASES);
    }

    /** Splits runs at framing words, so "linking recruitment" becomes "recruitment". */
    private static List<String> unframed(List<String> runs) {
        List<String> out = new ArrayList<>();
        for (String run : runs) {
            List<String> part = new ArrayList<>();
            for (String word : run.split(" ")) {
                if (FRAMING.contains(word)) {
                    if (!part.isEmpty()) {
                        out.add(String.join(" ", part));
                        part.clear();
                    }
                } else {
                    part.add(word);
                }
            }
            if (!part.isEmpty()) {
                out.add(String.join(" ", part));
            }
        }
        return out;
    }

    private static boolean isWholePoint(String run, String pointText) {
        return Words.tokens(pointText).stream().filter(t -> !Words.isStopWord(t)).count() == 1
                || run.length() >= 8;
    }

    private static String lowerUnlessAcronym(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.strip().split("\\s+")) {
            words.add(w.matches("[A-Z]{2,}s?") ? w : w.toLowerCase(Locale.ROOT));
        }
        return String.join(" ", words);
    }
}
