package org.markpoint.marking.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.markpoint.marking.engine.MarkingEngine;
import org.markpoint.marking.engine.SemanticFeatures;
import org.markpoint.marking.engine.SentenceEmbedder;
import org.markpoint.model.scheme.MarkingScheme;

/** Feature rows for SemEval answers: best-reference engine similarity, tf-idf cosine, peers, neighbours. */
final class SemEvalFeatures {

    private final MarkingEngine engine;
    private final List<SemEvalData.Answer> labelled;
    private final Map<String, List<Integer>> labelledByQuestion = new HashMap<>();
    private final TextVectors vectors = new TextVectors();
    private final boolean peers;
    private final PrintStream err;
    private final Map<String, List<String>> keys = new ConcurrentHashMap<>();
    private final List<Map<String, Double>> labelledVectors = new ArrayList<>();
    private final Map<SemEvalData.Answer, double[]> baseCache = new java.util.IdentityHashMap<>();
    /** recall, recall_demoted, precision_demoted, tf-idf cosine, engine mark, idf-weighted recall. */
    private static final int[] Z_COLUMNS = {0, 1, 3, 10, 11, 12};
    /** The same plus WordNet F1 and embedding cosine when the semantic tier is on. */
    private static final int[] Z_COLUMNS_SEMANTIC = {0, 1, 3, 10, 11, 12, 15, 16};
    private final SemanticFeatures semantic;
    /** Alignment features (semantic tier), opt-in with {@code -Dsemeval.align=true} (see docs/accuracy.md). */
    static final boolean ALIGNMENT = Boolean.getBoolean("semeval.align");
    /** Contextual token alignment (semantic tier), opt-in with {@code -Dsemeval.tokens=true}; null when off. */
    private final ContextualTokens tokens;
    /** The question's reference size as a feature, opt-in with {@code -Dsemeval.refSize=true}. */
    private static final boolean REFERENCE_SIZE = Boolean.getBoolean("semeval.refSize");

    SemEvalFeatures(MarkingEngine engine, List<SemEvalData.Answer> labelled, boolean peers, PrintStream err) {
        this.engine = engine;
        this.labelled = labelled;
        this.peers = peers;
        this.err = err;
        this.semantic = engine.semantic().orElse(null);
        this.tokens = semantic != null && Boolean.getBoolean("semeval.tokens")
                ? new ContextualTokens(labelled.stream().map(SemEvalData.Answer::text).toList()) : null;
        for (int i = 0; i < labelled.size(); i++) {
            labelledByQuestion.computeIfAbsent(labelled.get(i).questionId(), k -> new ArrayList<>()).add(i);
            vectors.addDocument(keys(labelled.get(i).text()));
        }
        for (SemEvalData.Answer a : labelled) {
            labelledVectors.add(vectors.tfidf(keys(a.text())));
        }
    }

    private List<String> keys(String text) {
        return keys.computeIfAbsent(text, t -> engine.similarity().keys(t));
    }

    /** One row per answer; {@code knn} adds neighbour features, excluding the answer itself when it is labelled. */
    double[][] matrix(List<SemEvalData.Answer> answers, boolean knn, List<SemEvalData.Answer> peerPool) {
        Map<String, List<Integer>> pool = new HashMap<>();
        for (int i = 0; i < peerPool.size(); i++) {
            pool.computeIfAbsent(peerPool.get(i).questionId(), k -> new ArrayList<>()).add(i);
        }
        long t0 = System.nanoTime();
        List<SemEvalData.Answer> all = new ArrayList<>(answers);
        all.addAll(peerPool);
        Set<SemEvalData.Answer> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SemEvalData.Answer> missing = all.stream().filter(a -> !baseCache.containsKey(a) && distinct.add(a))
                .toList();
        AtomicInteger counter = new AtomicInteger();
        List<double[]> computed = missing.parallelStream().map(a -> {
            double[] row = base(a);
            int d = counter.incrementAndGet();
            if (d % 500 == 0 || d == missing.size()) {
                err.printf(Locale.ROOT, "\r  features %d/%d (%.0f/s)", d, missing.size(),
                        d / ((System.nanoTime() - t0) / 1e9));
            }
            return row;
        }).toList();
        for (int i = 0; i < missing.size(); i++) {
            baseCache.put(missing.get(i), computed.get(i));
        }
        err.println();
        GroupStandardiser z = peers ? new GroupStandardiser(semantic == null ? Z_COLUMNS : Z_COLUMNS_SEMANTIC,
                peerPool.stream().map(SemEvalData.Answer::questionId).toList(),
                peerPool.stream().map(baseCache::get).toList()) : null;
        double[][] rows = new double[answers.size()][];
        for (int i = 0; i < answers.size(); i++) {
            SemEvalData.Answer a = answers.get(i);
            double[] b = baseCache.get(a);
            List<Double> f = new ArrayList<>();
            for (double v : z == null ? b : z.extend(b, a.questionId())) {
                f.add(v);
            }
            if (peers) {
                f.add(peerCosine(a, i, answers, pool.getOrDefault(a.questionId(), List.of()), peerPool));
                if (semantic != null) {
                    f.add(peerEmbeddingCosine(a, i, answers, pool.getOrDefault(a.questionId(), List.of()), peerPool));
                }
            }
            if (knn) {
                addNeighbours(f, a, vectors.tfidf(keys(a.text())));
            }
            rows[i] = f.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return rows;
    }

    /**
     * Size of the question's reference answer(s): log(1 + content keys), averaged over its references. Longer
     * references are harder to restate completely, so fewer answers to them are "correct" (a question-level
     * difficulty figure that needs no label).
     */
    private double referenceSize(SemEvalData.Answer a) {
        double sum = 0;
        for (String ref : a.references()) {
            sum += Math.log1p(keys(ref).size());
        }
        return a.references().isEmpty() ? 0 : sum / a.references().size();
    }

    private double[] base(SemEvalData.Answer a) {
        double[] best = null;
        double bestScore = -1;
        double bestCos = 0;
        double bestMark = 0;
        double bestWeighted = 0;
        Map<String, Double> av = vectors.tfidf(keys(a.text()));
        for (String ref : a.references()) {
            bestWeighted = Math.max(bestWeighted, vectors.weightedRecall(keys(a.text()), keys(ref),
                    keys(a.question())));
            double[] s = engine.similarity().compute(a.text(), ref, a.question());
            double score = s[1] + s[3];
            if (score > bestScore) {
                bestScore = score;
                best = s;
            }
            bestCos = Math.max(bestCos, TextVectors.cosine(av, vectors.tfidf(keys(ref))));
            MarkingScheme scheme = new MarkingScheme(a.question(), "", 4, ref, List.of(), List.of(), List.of());
            bestMark = Math.max(bestMark, engine.mark(a.text(), scheme).mark() / 4.0);
        }
        double[] sem = new double[semantic == null ? 0 : SemanticFeatures.NAMES.size()];
        if (semantic != null) {
            for (String ref : a.references()) {
                double[] s = semantic.compute(a.text(), ref, a.question());
                for (int k = 0; k < s.length; k++) {
                    sem[k] = Math.max(sem[k], s[k]);
                }
            }
        }
        double[] align = alignment(a);
        double[] extra = extras(a);
        double[] out = java.util.Arrays.copyOf(best, best.length + 3 + sem.length + align.length + extra.length);
        out[best.length] = bestCos;
        out[best.length + 1] = bestMark;
        out[best.length + 2] = bestWeighted;
        System.arraycopy(sem, 0, out, best.length + 3, sem.length);
        System.arraycopy(align, 0, out, best.length + 3 + sem.length, align.length);
        System.arraycopy(extra, 0, out, best.length + 3 + sem.length + align.length, extra.length);
        return out;
    }

    /** Opt-in figures after the alignment: the reference size, then contextual-token figures (best reference). */
    private double[] extras(SemEvalData.Answer a) {
        List<Double> out = new ArrayList<>();
        if (REFERENCE_SIZE) {
            out.add(referenceSize(a));
        }
        if (tokens != null) {
            double[] best = null;
            for (String ref : a.references()) {
                double[] t = tokens.compute(a.text(), ref, a.question());
                if (best == null || t[2] > best[2]) {
                    best = t;
                }
            }
            for (double v : best) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Alignment figures against the reference the answer aligns with best (word plus clause recall). */
    private double[] alignment(SemEvalData.Answer a) {
        if (semantic == null || !ALIGNMENT) {
            return new double[0];
        }
        double[] best = null;
        for (String ref : a.references()) {
            double[] s = semantic.alignment().compute(a.text(), ref, a.question(), vectors::idf);
            if (best == null || s[0] + s[6] > best[0] + best[6]) {
                best = s;
            }
        }
        return best;
    }

    private double peerCosine(SemEvalData.Answer a, int self, List<SemEvalData.Answer> answers, List<Integer> members,
                              List<SemEvalData.Answer> peerPool) {
        Map<String, Double> centroid = new HashMap<>();
        for (int j : members) {
            SemEvalData.Answer p = peerPool.get(j);
            if (p == a || (peerPool == answers && j == self)) {
                continue;
            }
            for (String k : keys(p.text())) {
                centroid.merge(k, 1.0, Double::sum);
            }
        }
        return TextVectors.cosine(TextVectors.binary(keys(a.text())), centroid);
    }

    private double peerEmbeddingCosine(SemEvalData.Answer a, int self, List<SemEvalData.Answer> answers,
                                       List<Integer> members, List<SemEvalData.Answer> peerPool) {
        float[] mine = semantic.embedder().embed(a.text());
        float[] centroid = new float[mine.length];
        for (int j : members) {
            SemEvalData.Answer p = peerPool.get(j);
            if (p == a || (peerPool == answers && j == self)) {
                continue;
            }
            float[] v = semantic.embedder().embed(p.text());
            for (int k = 0; k < v.length; k++) {
                centroid[k] += v[k];
            }
        }
        return SentenceEmbedder.cosine(mine, centroid);
    }

    /**
     * The learned-similarity block: element-wise product of the answer's embedding with that of its closest
     * reference answer (a diagonal bilinear similarity whose weights the calibration fits; question-independent).
     */
    double[][] embeddingProducts(List<SemEvalData.Answer> answers) {
        double[][] out = new double[answers.size()][];
        for (int i = 0; i < answers.size(); i++) {
            SemEvalData.Answer a = answers.get(i);
            float[] mine = semantic.embedder().embed(a.text());
            float[] bestRef = null;
            double best = -2;
            for (String ref : a.references()) {
                float[] r = semantic.embedder().embed(ref);
                double c = SentenceEmbedder.cosine(mine, r);
                if (c > best) {
                    best = c;
                    bestRef = r;
                }
            }
            out[i] = EmbeddingBlock.product(mine, bestRef);
        }
        return out;
    }

    private void addNeighbours(List<Double> f, SemEvalData.Answer a, Map<String, Double> av) {
        double maxCorrect = 0;
        double maxIncorrect = 0;
        List<double[]> sims = new ArrayList<>();
        for (int j : labelledByQuestion.getOrDefault(a.questionId(), List.of())) {
            SemEvalData.Answer o = labelled.get(j);
            if (o == a) {
                continue;
            }
            double c = TextVectors.cosine(av, labelledVectors.get(j));
            sims.add(new double[] {c, o.correct() ? 1 : 0});
            if (o.correct()) {
                maxCorrect = Math.max(maxCorrect, c);
            } else {
                maxIncorrect = Math.max(maxIncorrect, c);
            }
        }
        sims.sort((x, y) -> Double.compare(y[0], x[0]));
        double vote = 0;
        double weight = 0;
        for (int k = 0; k < Math.min(5, sims.size()); k++) {
            vote += sims.get(k)[0] * sims.get(k)[1];
            weight += sims.get(k)[0];
        }
        f.add(maxCorrect);
        f.add(maxIncorrect);
        f.add(maxCorrect - maxIncorrect);
        f.add(weight == 0 ? 0.5 : vote / weight);
    }
}
