package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.markpoint.model.scheme.GlossaryTerm;

/**
 * Synonym sets as sequences of matching keys. The domain list is built once per engine; a scheme's glossary is
 * layered on top per compiled scheme. Membership is by set, so a set counts once per marking point.
 */
final class SynonymIndex {

    private final List<List<List<String>>> sets;
    private final Map<String, List<Integer>> setsByFirstKey;

    private SynonymIndex(List<List<List<String>>> sets) {
        this.sets = List.copyOf(sets);
        this.setsByFirstKey = new HashMap<>();
        for (int s = 0; s < this.sets.size(); s++) {
            for (List<String> member : this.sets.get(s)) {
                if (!member.isEmpty()) {
                    setsByFirstKey.computeIfAbsent(member.get(0), k -> new ArrayList<>()).add(s);
                }
            }
        }
    }

    static SynonymIndex build(List<List<String>> wordSets, LinguisticAnalyser analyser) {
        List<List<List<String>>> sets = new ArrayList<>();
        for (List<String> words : wordSets) {
            List<List<String>> set = new ArrayList<>();
            for (String w : words) {
                List<String> keys = keysOf(w, analyser);
                if (!keys.isEmpty()) {
                    set.add(keys);
                }
            }
            if (set.size() > 1) {
                sets.add(set);
            }
        }
        return new SynonymIndex(sets);
    }

    SynonymIndex withGlossary(List<GlossaryTerm> glossary, LinguisticAnalyser analyser) {
        if (glossary.isEmpty()) {
            return this;
        }
        List<List<String>> extra = new ArrayList<>();
        for (GlossaryTerm g : glossary) {
            if (g != null && g.term() != null && !g.synonyms().isEmpty()) {
                List<String> words = new ArrayList<>();
                words.add(g.term());
                words.addAll(g.synonyms());
                extra.add(words);
            }
        }
        List<List<List<String>>> all = new ArrayList<>(sets);
        all.addAll(build(extra, analyser).sets);
        return new SynonymIndex(all);
    }

    static List<String> keysOf(String words, LinguisticAnalyser analyser) {
        List<String> keys = new ArrayList<>();
        for (Token t : analyser.analyse(words).tokens()) {
            if (t.content()) {
                keys.add(t.key());
            }
        }
        return keys;
    }

    /**
     * The synonym sets whose member matches the content keys starting at {@code from}; returns the longest member
     * length matched (0 if none) and fills {@code alternatives} with every member of those sets.
     */
    int expand(List<String> contentKeys, int from, Set<List<String>> alternatives) {
        List<Integer> candidates = setsByFirstKey.get(contentKeys.get(from));
        if (candidates == null) {
            return 0;
        }
        int best = 0;
        List<Integer> bestSets = new ArrayList<>();
        for (int s : candidates) {
            for (List<String> member : sets.get(s)) {
                int len = member.size();
                if (from + len <= contentKeys.size() && member.equals(contentKeys.subList(from, from + len))) {
                    if (len > best) {
                        best = len;
                        bestSets.clear();
                    }
                    if (len == best && !bestSets.contains(s)) {
                        bestSets.add(s);
                    }
                }
            }
        }
        for (int s : bestSets) {
            alternatives.addAll(sets.get(s));
        }
        return best;
    }

    static Set<List<String>> newAlternatives() {
        return new LinkedHashSet<>();
    }
}
