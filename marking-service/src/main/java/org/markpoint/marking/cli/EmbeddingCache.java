package org.markpoint.marking.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.markpoint.marking.engine.SentenceEmbedder;

/**
 * Sentence embeddings for an evaluation, kept in a file under {@code target/} so a rerun embeds only new texts
 * (MiniLM is ~250 texts/s per core here). Texts missing from the file are embedded on two threads, then every
 * vector is handed to the engine's embedder cache. Reports how many texts were embedded and how fast.
 */
final class EmbeddingCache {

    private final Path file;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    EmbeddingCache(Path file) throws IOException {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                while (true) {
                    String text;
                    try {
                        text = in.readUTF();
                    } catch (EOFException end) {
                        break;
                    }
                    float[] v = new float[in.readInt()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = in.readFloat();
                    }
                    vectors.put(text, v);
                }
            }
        }
    }

    /** Default location: {@code marking-service/target/eval-cache} from the repo root, else {@code target/...}. */
    static Path defaultFile(String name) {
        String dir = System.getProperty("markpoint.eval.cache");
        Path base = dir != null ? Path.of(dir)
                : Files.isDirectory(Path.of("marking-service")) ? Path.of("marking-service/target/eval-cache")
                : Path.of("target/eval-cache");
        return base.resolve(name);
    }

    /** Embeds the texts not cached yet, saves the file, and seeds {@code embedder} with every vector. */
    void prepare(Collection<String> texts, SentenceEmbedder embedder, PrintStream err) throws IOException {
        List<String> missing = new LinkedHashSet<>(texts.stream().map(t -> t == null ? "" : t.strip()).toList())
                .stream().filter(t -> !vectors.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            long t0 = System.nanoTime();
            AtomicInteger done = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> jobs = missing.stream().<Future<?>>map(t -> pool.submit(() -> {
                    vectors.put(t, embedder.embed(t));
                    int d = done.incrementAndGet();
                    if (d % 500 == 0 || d == missing.size()) {
                        err.printf(Locale.ROOT, "\r  embedded %d/%d texts (%.0f/s)", d, missing.size(),
                                d / ((System.nanoTime() - t0) / 1e9));
                    }
                })).toList();
                for (Future<?> f : jobs) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while embedding", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("embedding failed", e.getCause());
            } finally {
                pool.shutdown();
            }
            err.println();
            save();
        }
        vectors.forEach(embedder::remember);
    }

    /** Adds every vector the embedder computed since (sentences, point texts) and saves if anything was new. */
    void saveAll(SentenceEmbedder embedder) throws IOException {
        int before = vectors.size();
        embedder.cached().forEach(vectors::putIfAbsent);
        if (vectors.size() > before) {
            save();
        }
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float x : e.getValue()) {
                    out.writeFloat(x);
                }
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
