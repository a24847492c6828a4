package org.markpoint.marking.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.markpoint.marking.engine.MarkResult;
import org.markpoint.marking.engine.MarkingEngine;
import org.markpoint.marking.engine.SemanticFeatures;
import org.markpoint.marking.engine.SimilarityFeatures;
import org.markpoint.model.scheme.MarkingScheme;

/**
 * Mohler/Texas 2011: 12-fold cross-validation by assignment (the id before the dot). Engine features are computed
 * per answer; a ridge calibration is fitted on the 11 training assignments only and scores the held-out one.
 */
final class MohlerEval {

    private record Row(String assignment, String question, String id, String reference, String answer, double gold) {
    }

    /**
     * Ridge penalties tried (plain features; embedding-product block); each outer fold picks a pair by inner
     * leave-one-assignment-out CV on its training part.
     */
    private static final double[] LAMBDAS = {30, 100, 300, 1000};
    private static final double[] BLOCK_LAMBDAS = {0.01, 0.03, 0.1, 0.3};
    private static final boolean BLOCK = Boolean.parseBoolean(System.getProperty("mohler.block", "true"));
    private static final boolean Z_FEATURES = Boolean.parseBoolean(System.getProperty("mohler.z", "true"));

    private final MarkingEngine engine;
    private final PrintStream out;
    private final PrintStream err;

    MohlerEval(MarkingEngine engine, PrintStream out, PrintStream err) {
        this.engine = engine;
        this.out = out;
        this.err = err;
    }

    int run(Path csv, boolean peers) throws IOException {
        List<List<String>> table = Csv.read(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
        List<String> header = table.get(0);
        int id = header.indexOf("id");
        int q = header.indexOf("question");
        int ref = header.indexOf("desired_answer");
        int ans = header.indexOf("student_answer");
        int gold = header.indexOf("score_avg");
        List<Row> rows = new ArrayList<>();
        for (List<String> r : table.subList(1, table.size())) {
            String qid = r.get(id).trim();
            rows.add(new Row(qid.substring(0, qid.indexOf('.') < 0 ? qid.length() : qid.indexOf('.')), r.get(q), qid,
                    r.get(ref), r.get(ans), Double.parseDouble(r.get(gold))));
        }
        int n = rows.size();
        double[][] base = new double[n][];
        List<List<String>> answerKeys = new ArrayList<>();
        List<List<String>> refKeys = new ArrayList<>();
        List<List<String>> questionKeys = new ArrayList<>();
        SemanticFeatures semantic = engine.semantic().orElse(null);
        EmbeddingCache cache = null;
        if (semantic != null) {
            List<String> texts = new ArrayList<>();
            rows.forEach(r -> texts.addAll(List.of(r.answer(), r.reference(), r.question())));
            cache = new EmbeddingCache(EmbeddingCache.defaultFile("minilm-mohler.bin"));
            cache.prepare(texts, semantic.embedder(), err);
        }
        if (semantic != null && System.getProperty("eval.dump") != null) {
            double[][] ea = new double[n][];
            double[][] er = new double[n][];
            for (int i = 0; i < n; i++) {
                ea[i] = toDouble(semantic.embedder().embed(rows.get(i).answer()));
                er[i] = toDouble(semantic.embedder().embed(rows.get(i).reference()));
            }
            double[] g = rows.stream().mapToDouble(Row::gold).toArray();
            Dump.matrix("mohler-emb-answer", ea, g, rows.stream().map(Row::id).toList());
            Dump.matrix("mohler-emb-ref", er, g, rows.stream().map(Row::id).toList());
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            MarkingScheme scheme = new MarkingScheme(r.question(), "", 5, r.reference(), List.of(), List.of(),
                    List.of());
            MarkResult m = engine.mark(r.answer(), scheme);
            double[] sim = engine.similarity().compute(r.answer(), r.reference(), r.question());
            double[] sem = semantic == null ? new double[0] : semantic.compute(r.answer(), r.reference(),
                    r.question());
            double[] f = new double[sim.length + 2 + sem.length];
            System.arraycopy(sim, 0, f, 0, sim.length);
            f[sim.length] = m.mark() / 5.0;
            f[sim.length + 1] = m.confidence();
            System.arraycopy(sem, 0, f, sim.length + 2, sem.length);
            base[i] = f;
            answerKeys.add(engine.similarity().keys(r.answer()));
            refKeys.add(engine.similarity().keys(r.reference()));
            questionKeys.add(engine.similarity().keys(r.question()));
            if ((i + 1) % 250 == 0 || i + 1 == n) {
                err.printf(Locale.ROOT, "\rmohler: analysed %d/%d answers (%.0f/s)", i + 1, n,
                        (i + 1) / ((System.nanoTime() - t0) / 1e9));
            }
        }
        err.println();
        double[] engineMark = new double[n];
        for (int i = 0; i < n; i++) {
            engineMark[i] = base[i][SimilarityFeatures.NAMES.size()] * 5;
        }
        long[] tier = engine.semanticTierCounts();
        if (cache != null) {
            cache.saveAll(semantic.embedder());
        }
        double[][] peer = new double[n][0];
        if (peers) {
            Map<String, List<Integer>> byQuestion = new HashMap<>();
            for (int i = 0; i < n; i++) {
                byQuestion.computeIfAbsent(rows.get(i).id(), k -> new ArrayList<>()).add(i);
            }
            for (List<Integer> members : byQuestion.values()) {
                double[] c = TextVectors.peerCosines(members.stream().map(i -> TextVectors.binary(answerKeys.get(i)))
                        .toList());
                double[] e = semantic == null ? null : PeerEmbeddings.peerCosines(members.stream()
                        .map(i -> semantic.embedder().embed(rows.get(i).answer())).toList());
                for (int k = 0; k < members.size(); k++) {
                    peer[members.get(k)] = e == null ? new double[] {c[k]} : new double[] {c[k], e[k]};
                }
            }
        }
        double[][] block = new double[n][0];
        if (semantic != null && BLOCK) {
            for (int i = 0; i < n; i++) {
                block[i] = EmbeddingBlock.product(semantic.embedder().embed(rows.get(i).answer()),
                        semantic.embedder().embed(rows.get(i).reference()));
            }
        }
        List<String> assignmentOf = rows.stream().map(Row::assignment).toList();
        double[] predicted = new double[n];
        double[] goldAll = rows.stream().mapToDouble(Row::gold).toArray();
        TreeSet<String> assignments = new TreeSet<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        rows.forEach(r -> assignments.add(r.assignment()));
        out.println("assignment      n  pearson   rmse");
        for (String held : assignments) {
            TextVectors vectors = new TextVectors();
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (rows.get(i).assignment().equals(held) ? test : train).add(i);
            }
            for (int i : train) {
                vectors.addDocument(answerKeys.get(i));
            }
            double[][] x = new double[n][];
            for (int i = 0; i < n; i++) {
                x[i] = features(base[i], vectors, answerKeys.get(i), refKeys.get(i), questionKeys.get(i), peers,
                        peer[i]);
            }
            if (peers && Z_FEATURES) {
                int cos = base[0].length;
                int mark = SimilarityFeatures.NAMES.size();
                int[] columns = semantic == null ? new int[] {0, 1, 3, mark, cos, cos + 1}
                        : new int[] {0, 1, 3, mark, cos, cos + 1, mark + 2, mark + 5};
                GroupStandardiser z = new GroupStandardiser(columns,
                        rows.stream().map(Row::id).toList(), List.of(x));
                for (int i = 0; i < n; i++) {
                    x[i] = z.extend(x[i], rows.get(i).id());
                }
            }
            Dump.matrix("mohler-fold" + held, x, goldAll, rows.stream().map(Row::id).toList());
            BlockRidge.Fit model = BlockRidge.fit(train, x, block, goldAll, assignmentOf, LAMBDAS, BLOCK_LAMBDAS, 0, 5);
            for (int i : test) {
                predicted[i] = Math.max(0, Math.min(5, model.predict(x[i], block[i])));
            }
            double[] g = test.stream().mapToDouble(i -> goldAll[i]).toArray();
            double[] p = test.stream().mapToDouble(i -> predicted[i]).toArray();
            out.printf(Locale.ROOT, "%-10s %6d  %7.3f  %5.3f  (ridge lambda %.0f, embedding block %s)%n", held,
                    test.size(), Metrics.pearson(p, g), Metrics.rmse(p, g), model.lambda(),
                    block[0].length == 0 ? "off" : String.format(Locale.ROOT, "lambda %.2f", model.blockLambda()));
        }
        double[] goldForMark = rows.stream().mapToDouble(Row::gold).toArray();
        out.printf(Locale.ROOT, "engine mark alone (no calibration, scheme derived from the reference): pearson %.3f, "
                + "rmse %.3f; semantic tier consulted on %d of %d point decisions, lifted %d%n",
                Metrics.pearson(engineMark, goldForMark), Metrics.rmse(engineMark, goldForMark), tier[1], tier[0],
                tier[2]);
        double r = Metrics.pearson(predicted, goldAll);
        double rmse = Metrics.rmse(predicted, goldAll);
        double qwk = Metrics.qwk(predicted, goldAll, 5);
        out.printf(Locale.ROOT, "overall    %6d  %7.3f  %5.3f  qwk %.3f  (12-fold CV by assignment, peers=%s)%n", n, r,
                rmse, qwk, peers);
        out.printf(Locale.ROOT, "{\"dataset\":\"mohler\",\"protocol\":\"12-fold-by-assignment\",\"peers\":%s,"
                + "\"pearson\":%.4f,\"rmse\":%.4f,\"qwk\":%.4f,\"n\":%d}%n", peers, r, rmse, qwk, n);
        return 0;
    }

    private static double[] features(double[] base, TextVectors vectors, List<String> answer, List<String> ref,
                                     List<String> question, boolean peers, double[] peer) {
        double cos = TextVectors.cosine(vectors.tfidf(answer), vectors.tfidf(ref));
        double[] f = new double[base.length + 2 + peer.length];
        System.arraycopy(base, 0, f, 0, base.length);
        f[base.length] = cos;
        f[base.length + 1] = vectors.weightedRecall(answer, ref, question);
        System.arraycopy(peer, 0, f, base.length + 2, peer.length);
        return f;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
