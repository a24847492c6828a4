package org.markpoint.marking.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.markpoint.marking.engine.EngineOptions;
import org.markpoint.marking.engine.MarkingEngine;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;

/**
 * {@code bench [answers] [threads]}: throughput of the lexical/linguistic path on ~40-word answers against a
 * 6-point scheme. Answers are generated from a fixed vocabulary (seeded), warmed up, then timed.
 */
final class BenchCommand {

    private static final String[] WORDS = ("training staff improves customer satisfaction because skills gaps close "
            + "and complaints fall so loyalty rises which leads to repeat business however costs increase and "
            + "employees may leave overall the benefits outweigh the costs communication listening empathy feedback "
            + "surveys reputation word of mouth profit team morale motivation").split(" ");

    static final MarkingScheme SCHEME = new MarkingScheme("Evaluate the impact of staff training on customer service.",
            "evaluate", 6, "", List.of(
            MarkingPoint.of("a", "training improves customer satisfaction"),
            MarkingPoint.of("b", "training closes skills gaps", "skills gap"),
            MarkingPoint.of("c", "fewer complaints"),
            MarkingPoint.of("d", "loyalty leads to repeat business"),
            MarkingPoint.of("e", "training costs money"),
            MarkingPoint.of("f", "trained staff may leave")), List.of(), List.of());

    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static List<String> answers(int n, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 40; w++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                if (random.nextInt(20) == 0) {
                    word = word.length() > 5 ? word.substring(0, 3) + word.substring(4) : word;
                }
                b.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                b.append(w % 13 == 12 ? ". " : w == 39 ? "." : " ");
            }
            out.add(b.toString());
        }
        return out;
    }

    int run(int n, int threads) throws Exception {
        return run(n, threads, false);
    }

    int run(int n, int threads, boolean semantic) throws Exception {
        long t0 = System.nanoTime();
        MarkingEngine engine = MarkingEngine.create(EngineOptions.defaults().withSemanticTier(semantic));
        err.printf(Locale.ROOT, "engine loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        List<String> warm = answers(Math.min(n, semantic ? 200 : 5_000), 1);
        for (String a : warm) {
            engine.mark(a, SCHEME);
        }
        List<String> timed = answers(n, 2);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<long[]>> parts = new ArrayList<>();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int t = 0; t < threads; t++) {
            int from = t * n / threads;
            int to = (t + 1) * n / threads;
            parts.add(pool.submit(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                long marks = 0;
                for (String a : timed.subList(from, to)) {
                    marks += engine.mark(a, SCHEME).mark();
                }
                return new long[] {marks, cpu.getCurrentThreadCpuTime() - cpuStart};
            }));
        }
        long total = 0;
        long cpuNanos = 0;
        for (Future<long[]> f : parts) {
            total += f.get()[0];
            cpuNanos += f.get()[1];
        }
        // On a shared machine wall time includes waiting for a core; CPU time gives the per-core rate.
        double perCpuSecond = n / (cpuNanos / 1e9);
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%d answers (40 words, 6-point scheme) on %d thread(s): %.2f s, %.0f answers/s, "
                + "%.0f answers per CPU-second, mean mark %.2f%n", n, threads, seconds, n / seconds, perCpuSecond,
                total / (double) n);
        long[] tier = engine.semanticTierCounts();
        if (semantic) {
            out.printf(Locale.ROOT, "semantic tier: consulted on %d of %d point decisions (%.1f%%), lifted %d; "
                    + "%d texts embedded (answers are all distinct, so this is the worst case)%n", tier[1], tier[0],
                    100.0 * tier[1] / Math.max(1, tier[0]), tier[2],
                    engine.semantic().map(f -> f.embedder().computedCount()).orElse(0L));
        }
        out.printf(Locale.ROOT, "{\"bench\":\"%s\",\"threads\":%d,\"answers\":%d,\"answersPerSecond\":%.0f,"
                + "\"answersPerCpuSecond\":%.0f}%n", semantic ? "semantic" : "lexical", threads, n, n / seconds,
                perCpuSecond);
        return 0;
    }
}
