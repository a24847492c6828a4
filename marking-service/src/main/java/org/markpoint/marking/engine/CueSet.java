package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.List;

/** A list of cue words/phrases (e.g. causal connectives) found by normalised word sequence, whole words only. */
final class CueSet {

    private final List<String[]> cues = new ArrayList<>();

    CueSet(List<String> phrases) {
        for (String p : phrases) {
            cues.add(p.trim().split("\\s+"));
        }
    }

    /** The first cue found, as written in the cue list, or null. */
    String find(AnalysedText text) {
        for (int i = 0; i < text.size(); i++) {
            for (String[] cue : cues) {
                if (matchesAt(text, i, cue)) {
                    return String.join(" ", cue);
                }
            }
        }
        return null;
    }

    int count(AnalysedText text) {
        int n = 0;
        for (int i = 0; i < text.size(); i++) {
            for (String[] cue : cues) {
                if (matchesAt(text, i, cue)) {
                    n++;
                    break;
                }
            }
        }
        return n;
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
