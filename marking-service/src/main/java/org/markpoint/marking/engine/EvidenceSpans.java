package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns matched token ranges into evidence spans of the original text, joining words that sit close together. */
final class EvidenceSpans {

    private static final int JOIN_GAP = 3;

    private EvidenceSpans() {
    }

    static List<Evidence> of(AnalysedText answer, ConceptMatcher.Match match) {
        List<ConceptMatcher.Occurrence> occ = new ArrayList<>(match.occurrences());
        occ.sort(Comparator.comparingInt(ConceptMatcher.Occurrence::from));
        List<Evidence> out = new ArrayList<>();
        int from = -1;
        int to = -1;
        for (ConceptMatcher.Occurrence o : occ) {
            if (from >= 0 && o.from() - to <= JOIN_GAP && answer.get(o.from()).sentence() == answer.get(to).sentence()) {
                to = Math.max(to, o.to());
                continue;
            }
            if (from >= 0) {
                out.add(span(answer, from, to));
            }
            from = o.from();
            to = o.to();
        }
        if (from >= 0) {
            out.add(span(answer, from, to));
        }
        return out;
    }

    private static Evidence span(AnalysedText answer, int from, int to) {
        int start = answer.get(from).start();
        int end = answer.get(to).end();
        return new Evidence(start, end, answer.original().substring(start, end));
    }
}
