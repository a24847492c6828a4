package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the scheme's misconception patterns in the answer, by concept (synonyms, word order and misspellings
 * tolerated). An answer that rejects the misconception ("it is not only the front-line staff's job") is not
 * flagged: a negator near the match that the pattern itself lacks clears it.
 */
final class MisconceptionDetector {

    private static final int LOOK_BACK = 4;

    private final ConceptMatcher matcher;
    private final NegationScope negation;

    MisconceptionDetector(ConceptMatcher matcher, NegationScope negation) {
        this.matcher = matcher;
        this.negation = negation;
    }

    List<MisconceptionFound> detect(CompiledScheme scheme, AnalysedText answer, boolean[] negated) {
        List<MisconceptionFound> found = new ArrayList<>();
        for (CompiledScheme.CompiledMisconception m : scheme.misconceptions()) {
            ConceptMatcher.Match match = matcher.match(m.phrase(), answer, negated);
            if (!PointJudge.isFullMatch(match) || (!m.patternNegated() && negatorNear(answer, match))) {
                continue;
            }
            found.add(new MisconceptionFound(m.misconception().id(),
                    m.misconception().correction() == null ? "" : m.misconception().correction(),
                    EvidenceSpans.of(answer, match)));
        }
        return found;
    }

    private boolean negatorNear(AnalysedText answer, ConceptMatcher.Match match) {
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (ConceptMatcher.Occurrence o : match.occurrences()) {
            lo = Math.min(lo, o.from());
            hi = Math.max(hi, o.to());
        }
        for (int i = Math.max(0, lo - LOOK_BACK); i <= hi; i++) {
            if (negation.isNegator(answer.get(i))) {
                return true;
            }
        }
        return false;
    }
}
