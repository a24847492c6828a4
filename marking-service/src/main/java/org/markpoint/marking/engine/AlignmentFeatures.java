package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Soft alignment of an answer with a reference through MiniLM embeddings of their parts (semantic tier): each
 * content word of the reference (lemma, embedded alone), each short chunk (two neighbouring content words with
 * the words between them, in the writer's own words) and each clause is paired with its most similar part of the
 * answer. The figures are the idf-weighted mean of those best cosines (recall; the same from the answer's side is
 * precision), the weakest reference part (a missing concept), and a contradiction share: reference words whose
 * best partner sits on the other side of a negation. Words the question itself gives are left out of the word
 * units. Obtain from {@link SemanticFeatures#alignment()}; thread-safe (embeddings cached per text).
 */
public final class AlignmentFeatures {

    /** Names of the values {@link #compute} returns, in order. */
    public static final List<String> NAMES = List.of("align_word_recall", "align_word_precision", "align_word_min",
            "align_word_strict_recall", "align_chunk_recall", "align_chunk_min", "align_clause_recall",
            "align_clause_min", "align_clause_precision", "align_contradiction");

    /** A best cosine at or above this counts as aligned (strict recall, contradiction). */
    static final double ALIGNED = 0.7;
    private static final Set<String> CLAUSE_BOUNDARY = Set.of(",", ";", ":", "but", "however", "although",
            "though", "whereas", "because", "so", "which", "while", "since", "unless", "and", "or", "then", "when",
            "if", ".", "!", "?", "(", ")");

    private final LinguisticAnalyser analyser;
    private final NegationScope negation;
    private final SentenceEmbedder embedder;
    /** Analysis of reference and question texts, cached by SemanticFeatures (they repeat across answers). */
    private final Function<String, AnalysedText> schemeText;

    AlignmentFeatures(LinguisticAnalyser analyser, Function<String, AnalysedText> schemeText, NegationScope negation,
                      SentenceEmbedder embedder) {
        this.analyser = analyser;
        this.schemeText = schemeText;
        this.negation = negation;
        this.embedder = embedder;
    }

    /** A part of a text: what is embedded, its matching key (words only; null for chunks and clauses), negation. */
    private record Unit(String text, String key, boolean negated) {
    }

    /** Every part of {@code text} this class embeds (lets an evaluation embed and cache them in bulk first). */
    public Set<String> parts(String text) {
        AnalysedText t = analyser.analyse(text == null ? "" : text);
        boolean[] neg = negation.scope(t);
        Set<String> out = new LinkedHashSet<>();
        for (List<Unit> units : List.of(words(t, Set.of(), neg), chunks(t), clauses(t))) {
            for (Unit u : units) {
                out.add(u.text());
            }
        }
        return out;
    }

    /**
     * Alignment figures in {@link #NAMES} order; {@code idf} weighs a word key (pass {@code k -> 1} for none).
     */
    public double[] compute(String answer, String reference, String question, ToDoubleFunction<String> idf) {
        AnalysedText a = analyser.analyse(answer == null ? "" : answer);
        AnalysedText r = schemeText.apply(reference);
        Set<String> given = new HashSet<>(schemeText.apply(question).contentKeys());
        boolean[] negA = negation.scope(a);
        boolean[] negR = negation.scope(r);
        List<Unit> aw = words(a, given, negA);
        List<Unit> rw = words(r, given, negR);
        if (rw.isEmpty()) {
            rw = words(r, Set.of(), negR);
        }
        double[] wordRecall = align(rw, aw, idf);
        double[] wordPrecision = align(aw, rw, idf);
        double[] chunk = align(chunks(r), chunks(a), k -> 1);
        List<Unit> ac = clauses(a);
        List<Unit> rc = clauses(r);
        double[] clause = align(rc, ac, k -> 1);
        double[] clausePrecision = align(ac, rc, k -> 1);
        return new double[] {wordRecall[0], wordPrecision[0], wordRecall[1], wordRecall[2], chunk[0], chunk[1],
            clause[0], clause[1], clausePrecision[0], wordRecall[3]};
    }

    /**
     * Aligns each unit of {@code from} with its most similar unit of {@code to}: weighted mean of the best cosines,
     * their minimum, the weighted share at or above {@link #ALIGNED}, and the weighted share of aligned units whose
     * partner differs in negation.
     */
    private double[] align(List<Unit> from, List<Unit> to, ToDoubleFunction<String> idf) {
        if (from.isEmpty() || to.isEmpty()) {
            return new double[4];
        }
        List<float[]> toVectors = new ArrayList<>(to.size());
        for (Unit u : to) {
            toVectors.add(embedder.embed(u.text()));
        }
        double weight = 0;
        double sum = 0;
        double min = 1;
        double strict = 0;
        double contradicted = 0;
        for (Unit f : from) {
            float[] v = embedder.embed(f.text());
            double best = -1;
            int bestAt = 0;
            for (int j = 0; j < to.size(); j++) {
                double c = f.key() != null && f.key().equals(to.get(j).key()) ? 1
                        : SentenceEmbedder.cosine(v, toVectors.get(j));
                if (c > best) {
                    best = c;
                    bestAt = j;
                }
            }
            double w = f.key() == null ? 1 : idf.applyAsDouble(f.key());
            weight += w;
            sum += w * best;
            min = Math.min(min, best);
            if (best >= ALIGNED) {
                strict += w;
                if (f.negated() != to.get(bestAt).negated()) {
                    contradicted += w;
                }
            }
        }
        return new double[] {sum / weight, min, strict / weight, contradicted / weight};
    }

    /** Distinct content words (lemma) not given by the question. */
    private static List<Unit> words(AnalysedText t, Set<String> given, boolean[] negated) {
        List<Unit> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < t.size(); i++) {
            Token tok = t.get(i);
            if (tok.content() && !given.contains(tok.key()) && seen.add(tok.key())) {
                out.add(new Unit(tok.lemma().toLowerCase(Locale.ROOT), tok.key(), negated[i]));
            }
        }
        return out;
    }

    /** Two neighbouring content words of a sentence with the words between them, as written. */
    private static List<Unit> chunks(AnalysedText t) {
        List<Unit> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int prev = -1;
        for (int i = 0; i < t.size(); i++) {
            if (!t.get(i).content()) {
                continue;
            }
            if (prev >= 0 && t.get(prev).sentence() == t.get(i).sentence()) {
                String s = span(t, prev, i);
                if (seen.add(s)) {
                    out.add(new Unit(s, null, false));
                }
            }
            prev = i;
        }
        return out;
    }

    /** Clauses: sentence parts between punctuation and clause connectives, with at least one content word. */
    private static List<Unit> clauses(AnalysedText t) {
        List<Unit> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int start = -1;
        int last = -1;
        boolean content = false;
        for (int i = 0; i <= t.size(); i++) {
            boolean boundary = i == t.size() || CLAUSE_BOUNDARY.contains(t.get(i).norm())
                    || (start >= 0 && t.get(i).sentence() != t.get(start).sentence());
            if (boundary) {
                if (start >= 0 && content) {
                    String s = span(t, start, last);
                    if (seen.add(s)) {
                        out.add(new Unit(s, null, false));
                    }
                }
                start = -1;
                content = false;
                if (i < t.size() && !CLAUSE_BOUNDARY.contains(t.get(i).norm())) {
                    start = i;
                    last = i;
                    content = t.get(i).content();
                }
                continue;
            }
            if (start < 0) {
                start = i;
            }
            last = i;
            content |= t.get(i).content();
        }
        return out;
    }

    private static String span(AnalysedText t, int from, int to) {
        return t.original().substring(t.get(from).start(), t.get(to).end()).strip().toLowerCase(Locale.ROOT);
    }
}
