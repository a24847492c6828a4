package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides each marking point: the best-matching phrasing (point text or an accepted phrase) decides hit, partial
 * or missed; a matching reject phrase or a negated match withholds the marks. Thresholds scale with the number
 * of concepts: short phrases need every concept, long ones may miss one in four.
 */
final class PointJudge {

    /** What happened to one point, with what the confidence and feedback need to know. */
    record Outcome(CompiledScheme.CompiledPoint point, PointResult result, ConceptMatcher.Match best,
                   boolean contradicted, boolean rejected, double certainty) {
    }

    private final ConceptMatcher matcher;

    PointJudge(ConceptMatcher matcher) {
        this.matcher = matcher;
    }

    static boolean isFullMatch(ConceptMatcher.Match m) {
        int n = m.total();
        return n > 0 && m.matched() >= n - n / 4;
    }

    Outcome judge(CompiledScheme.CompiledPoint cp, AnalysedText answer, boolean[] negated, boolean derived) {
        ConceptMatcher.Match best = null;
        boolean contradicted = false;
        for (Phrase phrase : cp.accepts()) {
            ConceptMatcher.Match m = matcher.match(phrase, answer, negated);
            contradicted |= m.contradicted() && !isFullMatch(m);
            if (best == null || m.coverage() > best.coverage()
                    || (m.coverage() == best.coverage() && m.fuzzyCount() < best.fuzzyCount())) {
                best = m;
            }
        }
        var point = cp.point();
        if (best == null) {
            return new Outcome(cp, missed(cp), null, false, false, 0.5);
        }
        boolean rejected = false;
        for (Phrase reject : cp.rejects()) {
            rejected |= isFullMatch(matcher.match(reject, answer, negated));
        }
        double coverage = best.coverage();
        boolean hit = derived ? coverage >= 0.6 : isFullMatch(best);
        boolean partial = !hit && best.total() >= 2 && coverage >= (derived ? 0.35 : 0.5);
        if (rejected || (!hit && !partial)) {
            double certainty = rejected ? 0.8 : contradicted ? 0.6 : 0.95 - 0.6 * coverage;
            return new Outcome(cp, missed(cp), best, contradicted, rejected, certainty);
        }
        List<Evidence> evidence = EvidenceSpans.of(answer, best);
        if (hit) {
            double certainty = (coverage >= 1 ? 0.95 : 0.8) - 0.1 * best.fuzzyCount();
            if (derived) {
                certainty = 0.55 + 0.4 * coverage;
            }
            return new Outcome(cp, new PointResult(point.id(), PointStatus.HIT, point.marks(), evidence,
                    best.phrase().source(), point.learningOutcome()), best, contradicted, false,
                    Math.max(0.5, certainty));
        }
        return new Outcome(cp, new PointResult(point.id(), PointStatus.PARTIAL, point.marks() / 2, evidence,
                best.phrase().source(), point.learningOutcome()), best, contradicted, false, 0.5);
    }

    private static PointResult missed(CompiledScheme.CompiledPoint cp) {
        var p = cp.point();
        return new PointResult(p.id(), PointStatus.MISSED, 0, List.of(), "", p.learningOutcome());
    }

    /** Labels of the concepts a partial match did not find, for feed-forward feedback. */
    static List<String> missingConcepts(ConceptMatcher.Match m, AnalysedText answer, boolean[] negated,
                                        ConceptMatcher matcher) {
        List<String> out = new ArrayList<>();
        for (Term t : m.phrase().terms()) {
            Phrase single = new Phrase(t.label(), List.of(t), Phrase.UNBOUNDED);
            if (matcher.match(single, answer, negated).matched() == 0) {
                out.add(t.label());
            }
        }
        return out;
    }
}
