package org.markpoint.question.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which learning outcome each examiner criterion evidences. The pages list criteria and outcomes
 * separately, so the link is inferred from the words they share, each weighted by how rare it is on the page
 * ("legislation" says more than "delivery"); the outcome's own verb does not count. Ties go to the earlier outcome,
 * so the result is stable.
 */
final class OutcomeMatcher {

    /**
     * A criterion relates to an outcome it was not assigned to when the rarity of the words they share (head words
     * not doubled) reaches this: one fairly rare word, not just "management" or "principles" that every line has.
     */
    static final double RELATED = 1.2;
    private static final int MAX_RELATED = 3;
    /** A shared two-word phrase is stronger evidence than the same two words apart. */
    private static final double PAIR_BONUS = 1.0;

    private final List<Set<String>> criterionStems;
    private final List<Set<String>> headStems;
    private final List<Set<String>> criterionPairs;
    private final List<Set<String>> outcomePairs;
    private final List<Set<String>> outcomeStems;
    private final Map<String, Double> weight = new HashMap<>();

    /**
     * {@code heads} are what each criterion is chiefly about (its first point up to "to"/"with"); their words count
     * twice, so "application of management theories to improve ..." is about management theories, not improvement.
     */
    OutcomeMatcher(List<String> criteria, List<String> heads, List<String> outcomes) {
        criterionStems = criteria.stream().map(Words::informativeStems).toList();
        headStems = heads.stream().map(Words::informativeStems).toList();
        criterionPairs = criteria.stream().map(OutcomeMatcher::pairs).toList();
        outcomePairs = outcomes.stream().map(o -> pairs(OutcomeReader.topic(o))).toList();
        outcomeStems = outcomes.stream().map(o -> Words.informativeStems(OutcomeReader.topic(o))).toList();
        Map<String, Integer> documentFrequency = new HashMap<>();
        List<Set<String>> all = new ArrayList<>(criterionStems);
        all.addAll(outcomeStems);
        all.forEach(doc -> doc.forEach(s -> documentFrequency.merge(s, 1, Integer::sum)));
        documentFrequency.forEach((s, df) -> weight.put(s, Math.log(1.0 + (double) all.size() / df)));
    }

    double score(int criterion, int outcome) {
        Set<String> head = headStems.get(criterion);
        double words = criterionStems.get(criterion).stream().filter(outcomeStems.get(outcome)::contains)
                .mapToDouble(s -> weight.get(s) * (head.contains(s) ? 2 : 1)).sum();
        long phrases = criterionPairs.get(criterion).stream().filter(outcomePairs.get(outcome)::contains).count();
        return words + PAIR_BONUS * phrases;
    }

    /**
     * Adjacent content-word stems ("service strategy" in both "customer service strategy" and "customer service
     * strategies"), leaving out pairs ending in a word every line has ("customer service", "improve customer").
     */
    private static Set<String> pairs(String text) {
        List<String> stems = new ArrayList<>(Words.stems(text));
        Set<String> out = new HashSet<>();
        for (int i = 1; i < stems.size(); i++) {
            // "service strategy" is a compound worth matching; "improve customer" is a verb and its object
            if (!Words.isUbiquitous(stems.get(i))) {
                out.add(stems.get(i - 1) + " " + stems.get(i));
            }
        }
        return out;
    }

    private double plainScore(int criterion, int outcome) {
        return criterionStems.get(criterion).stream().filter(outcomeStems.get(outcome)::contains)
                .mapToDouble(weight::get).sum();
    }

    /** Index of the best outcome for each criterion, or -1 when a criterion shares no informative word with any. */
    List<Integer> assign() {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < criterionStems.size(); c++) {
            int best = -1;
            double bestScore = 0;
            for (int o = 0; o < outcomeStems.size(); o++) {
                double score = score(c, o);
                if (score > bestScore + 1e-9) {
                    best = o;
                    bestScore = score;
                }
            }
            out.add(best);
        }
        return out;
    }

    /** Criteria (indices) that relate to an outcome strongly enough to mark a question on it, best first. */
    List<Integer> related(int outcome) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < criterionStems.size(); c++) {
            if (plainScore(c, outcome) >= RELATED) {
                out.add(c);
            }
        }
        out.sort((a, b) -> Double.compare(score(b, outcome), score(a, outcome)));
        return out.size() <= MAX_RELATED ? out : out.subList(0, MAX_RELATED);
    }
}
