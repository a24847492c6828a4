package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a phrase's concepts in an answer: each term by any of its key sequences (lemma/stem, synonyms,
 * multi-word members in order with one word of slack) or, failing that, a misspelling of a long key word; then
 * the best set of occurrences lying within the phrase's window, in any order, each answer word used once.
 * Occurrences whose negation differs from the phrase's are not counted (and the match is marked contradicted).
 */
final class ConceptMatcher {

    private static final int MULTIWORD_GAP = 3;

    record Occurrence(int from, int to, boolean fuzzy, boolean polarityOk) {
    }

    /** The outcome for one phrase; token ranges are inclusive indexes into the answer's tokens. */
    record Match(Phrase phrase, int matched, int total, List<Occurrence> occurrences, boolean contradicted) {

        double coverage() {
            return total == 0 ? 0 : (double) matched / total;
        }

        int fuzzyCount() {
            int n = 0;
            for (Occurrence o : occurrences) {
                n += o.fuzzy() ? 1 : 0;
            }
            return n;
        }
    }

    Match match(Phrase phrase, AnalysedText answer, boolean[] negated) {
        List<List<Occurrence>> occs = new ArrayList<>();
        for (Term term : phrase.terms()) {
            occs.add(occurrences(term, answer, negated));
        }
        Match strict = best(phrase, occs, true);
        Match loose = best(phrase, occs, false);
        if (loose.matched() > strict.matched() && loose.coverage() >= 0.5) {
            return new Match(phrase, strict.matched(), strict.total(), strict.occurrences(), true);
        }
        return strict;
    }

    private List<Occurrence> occurrences(Term term, AnalysedText answer, boolean[] negated) {
        List<Occurrence> out = new ArrayList<>();
        for (List<String> alt : term.alternatives()) {
            for (int p : answer.positionsOf(alt.get(0))) {
                if (!answer.get(p).content()) {
                    continue;
                }
                int end = extend(alt, answer, p);
                if (end >= 0) {
                    out.add(new Occurrence(p, end, false, polarity(term, negated, p, end)));
                }
            }
        }
        if (out.isEmpty() && !term.fuzzyForms().isEmpty()) {
            for (int i = 0; i < answer.size(); i++) {
                Token t = answer.get(i);
                if (!t.content()) {
                    continue;
                }
                for (String form : term.fuzzyForms()) {
                    if (Misspelling.isMisspeltFormOf(form, t.norm())) {
                        out.add(new Occurrence(i, i, true, polarity(term, negated, i, i)));
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static int extend(List<String> alt, AnalysedText answer, int start) {
        int at = start;
        for (int k = 1; k < alt.size(); k++) {
            int next = answer.nextContent(at + 1);
            int found = -1;
            while (next >= 0 && next - at <= MULTIWORD_GAP) {
                if (answer.get(next).key().equals(alt.get(k))) {
                    found = next;
                    break;
                }
                next = answer.nextContent(next + 1);
            }
            if (found < 0) {
                return -1;
            }
            at = found;
        }
        return at;
    }

    private static boolean polarity(Term term, boolean[] negated, int from, int to) {
        boolean in = false;
        for (int i = from; i <= to; i++) {
            in |= negated[i];
        }
        return in == term.negatedInPhrase();
    }

    private static Match best(Phrase phrase, List<List<Occurrence>> occs, boolean polarityStrict) {
        int n = occs.size();
        Occurrence[] bestPick = new Occurrence[n];
        long bestScore = Long.MIN_VALUE;
        int bestMatched = 0;
        Occurrence[] pick = new Occurrence[n];
        for (int t = 0; t < n; t++) {
            for (Occurrence anchor : occs.get(t)) {
                if (polarityStrict && !anchor.polarityOk()) {
                    continue;
                }
                java.util.Arrays.fill(pick, null);
                pick[t] = anchor;
                int matched = 1;
                int lo = anchor.from();
                int hi = anchor.to();
                int fuzzy = anchor.fuzzy() ? 1 : 0;
                for (int u = 0; u < n; u++) {
                    if (u == t) {
                        continue;
                    }
                    Occurrence chosen = nearest(occs.get(u), anchor, phrase.window(), pick, polarityStrict);
                    if (chosen != null) {
                        pick[u] = chosen;
                        matched++;
                        lo = Math.min(lo, chosen.from());
                        hi = Math.max(hi, chosen.to());
                        fuzzy += chosen.fuzzy() ? 1 : 0;
                    }
                }
                long score = matched * 1_000_000L - (hi - lo) * 10L - fuzzy;
                if (score > bestScore) {
                    bestScore = score;
                    bestMatched = matched;
                    System.arraycopy(pick, 0, bestPick, 0, n);
                }
            }
        }
        List<Occurrence> chosen = new ArrayList<>();
        for (Occurrence o : bestPick) {
            if (o != null) {
                chosen.add(o);
            }
        }
        return new Match(phrase, bestMatched, n, chosen, false);
    }

    private static Occurrence nearest(List<Occurrence> candidates, Occurrence anchor, int window,
                                      Occurrence[] taken, boolean polarityStrict) {
        Occurrence best = null;
        long bestDist = Long.MAX_VALUE;
        for (Occurrence o : candidates) {
            if ((polarityStrict && !o.polarityOk()) || overlaps(o, taken)) {
                continue;
            }
            long dist = Math.abs((long) o.from() - anchor.from());
            if (dist <= window && dist < bestDist) {
                bestDist = dist;
                best = o;
            }
        }
        return best;
    }

    private static boolean overlaps(Occurrence o, Occurrence[] taken) {
        for (Occurrence t : taken) {
            if (t != null && o.from() <= t.to() && t.from() <= o.to()) {
                return true;
            }
        }
        return false;
    }
}
