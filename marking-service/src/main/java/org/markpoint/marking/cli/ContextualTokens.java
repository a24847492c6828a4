package org.markpoint.marking.cli;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.markpoint.marking.engine.SentenceEmbedder;

/**
 * Experiment (opt-in, {@code -Dsemeval.tokens=true}; see docs/accuracy.md): BERTScore-style alignment with
 * MiniLM's contextual token vectors (its last hidden layer per word piece, not words embedded alone). Every word
 * piece of the reference is paired with its most similar piece of the answer; recall, precision and F1 are
 * weighted by word-piece idf from the training answers (which also mutes function words). Runs the MiniLM file
 * shipped in the langchain4j jar with its own ONNX session (one intra-op thread). Thread-safe.
 */
final class ContextualTokens {

    /** Names of the values {@link #compute} returns, in order. */
    static final List<String> NAMES = List.of("token_recall", "token_precision", "token_f1", "token_recall_new");

    private static final int MAX_PIECES = 256;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Map<String, Pieces> cache = new ConcurrentHashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final double unseenIdf;

    /** The word pieces of a text with their unit contextual vectors (special and punctuation pieces left out). */
    private record Pieces(String[] tokens, float[][] vectors) {
    }

    ContextualTokens(Collection<String> idfDocuments) {
        env = OrtEnvironment.getEnvironment();
        session = SentenceEmbedder.miniLmSession();
        try (InputStream json = SentenceEmbedder.miniLmTokenizer()) {
            tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> df = new HashMap<>();
        for (String d : idfDocuments) {
            for (String t : new HashSet<>(Arrays.asList(tokenizer.encode(d).getTokens()))) {
                df.merge(t, 1, Integer::sum);
            }
        }
        int n = idfDocuments.size();
        df.forEach((t, c) -> idf.put(t, Math.log((n + 1.0) / (c + 1.0))));
        unseenIdf = Math.log(n + 1.0);
    }

    /** Recall, precision, F1 of the reference's pieces in the answer, and recall of pieces not in the question. */
    double[] compute(String answer, String reference, String question) {
        Pieces a = pieces(answer);
        Pieces r = pieces(reference);
        Set<String> asked = new HashSet<>(Arrays.asList(pieces(question).tokens()));
        double recall = cover(r, a, Set.of());
        double precision = cover(a, r, Set.of());
        double f1 = recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
        return new double[] {recall, precision, f1, cover(r, a, asked)};
    }

    /** idf-weighted mean, over the pieces of {@code from} not in {@code skip}, of their best cosine in {@code to}. */
    private double cover(Pieces from, Pieces to, Set<String> skip) {
        double sum = 0;
        double weight = 0;
        for (int i = 0; i < from.tokens().length; i++) {
            if (skip.contains(from.tokens()[i])) {
                continue;
            }
            double best = 0;
            for (float[] v : to.vectors()) {
                best = Math.max(best, dot(from.vectors()[i], v));
            }
            double w = idf.getOrDefault(from.tokens()[i], unseenIdf);
            sum += w * best;
            weight += w;
        }
        return weight == 0 ? 0 : sum / weight;
    }

    private Pieces pieces(String text) {
        String t = text == null || text.isBlank() ? "." : text.strip();
        Pieces p = cache.get(t);
        if (p == null) {
            p = run(t);
            if (cache.size() > 50_000) {
                cache.clear();
            }
            cache.put(t, p);
        }
        return p;
    }

    private Pieces run(String text) {
        Encoding e = tokenizer.encode(text);
        int len = Math.min(e.getIds().length, MAX_PIECES);
        long[][] ids = {Arrays.copyOf(e.getIds(), len)};
        long[][] mask = {Arrays.copyOf(e.getAttentionMask(), len)};
        long[][] types = {Arrays.copyOf(e.getTypeIds(), len)};
        String[] tokens = e.getTokens();
        try (OnnxTensor i = OnnxTensor.createTensor(env, ids);
             OnnxTensor m = OnnxTensor.createTensor(env, mask);
             OnnxTensor ty = OnnxTensor.createTensor(env, types)) {
            Map<String, OnnxTensor> inputs = new HashMap<>(Map.of("input_ids", i, "attention_mask", m));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", ty);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
                List<Integer> keep = new java.util.ArrayList<>();
                for (int k = 0; k < len; k++) {
                    if (tokens[k].chars().anyMatch(Character::isLetterOrDigit) && !tokens[k].startsWith("[")) {
                        keep.add(k);
                    }
                }
                String[] kept = new String[keep.size()];
                float[][] vectors = new float[keep.size()][];
                for (int k = 0; k < kept.length; k++) {
                    kept[k] = tokens[keep.get(k)];
                    vectors[k] = unit(hidden[keep.get(k)]);
                }
                return new Pieces(kept, vectors);
            }
        } catch (OrtException ex) {
            throw new IllegalStateException("MiniLM token run failed", ex);
        }
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float[] out = v.clone();
        if (n > 0) {
            for (int k = 0; k < out.length; k++) {
                out[k] /= (float) Math.sqrt(n);
            }
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
