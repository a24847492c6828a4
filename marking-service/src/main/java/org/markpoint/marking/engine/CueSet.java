package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of cue words/phrases (e.g. causal connectives) found by normalised word sequence, whole words only.
 * Cues are indexed by their first word so a scan costs one lookup per answer word.
 */
final class CueSet {

    private final Map<String, List<String[]>> byFirstWord = new HashMap<>();

    CueSet(List<String> phrases) {
        for (String p : phrases) {
            String[] cue = p.trim().split("\\s+");
            byFirstWord.computeIfAbsent(cue[0], k -> new ArrayList<>()).add(cue);
        }
    }

    /** The first cue found, as written in the cue list, or null. */
    String find(AnalysedText text) {
        for (int i = 0; i < text.size(); i++) {
            String[] cue = cueAt(text, i);
            if (cue != null) {
                return String.join(" ", cue);
            }
        }
        return null;
    }

    int count(AnalysedText text) {
        int n = 0;
        for (int i = 0; i < text.size(); i++) {
            n += cueAt(text, i) != null ? 1 : 0;
        }
        return n;
    }

    private String[] cueAt(AnalysedText text, int i) {
        Token t = text.get(i);
        List<String[]> candidates = byFirstWord.get(t.norm());
        if (candidates == null && !t.lemma().equals(t.norm())) {
            candidates = byFirstWord.get(t.lemma());
        }
        if (candidates == null) {
            return null;
        }
        for (String[] cue : candidates) {
            if (matchesAt(text, i, cue)) {
                return cue;
            }
        }
        return null;
    }

    private static boolean matchesAt(AnalysedText text, int i, String[] cue) {
        if (i + cue.length > text.size()) {
            return false;
        }
        for (int k = 0; k < cue.length; k++) {
            Token t = text.get(i + k);
            if (!cue[k].equals(t.norm()) && !cue[k].equals(t.lemma())) {
                return false;
            }
        }
        return true;
    }
}
