package org.markpoint.marking.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.markpoint.marking.engine.MarkingEngine;

/**
 * SemEval-2013 Task 7, 2-way: per corpus (SciEntsBank, Beetle) a logistic calibration over engine features is
 * trained on training/ and scored on each test split. Questions seen in training also get nearest-neighbour
 * features from their labelled training answers (leave-one-out while training); unseen questions use a second
 * model without them.
 */
final class SemEvalEval {

    /**
     * Calibrations tried (one is chosen with the cut on question-grouped training folds): L2 logistic regression
     * with three penalties and, opt-in with {@code -Dsemeval.trees=true}, boosted shallow trees.
     */
    private static List<Thresholds.Candidate> candidates() {
        List<Thresholds.Candidate> c = new ArrayList<>();
        for (double lambda : new double[] {1, 10, 100}) {
            c.add(Thresholds.Candidate.logistic(lambda));
        }
        if (Boolean.getBoolean("semeval.trees")) {
            c.add(new Thresholds.Candidate("boosted trees 150 x depth 2",
                    (x, y) -> BoostedTrees.fit(x, y, 150, 2, 0.05, 20)));
            c.add(new Thresholds.Candidate("boosted trees 300 x depth 2",
                    (x, y) -> BoostedTrees.fit(x, y, 300, 2, 0.05, 20)));
            c.add(new Thresholds.Candidate("boosted trees 150 x depth 3",
                    (x, y) -> BoostedTrees.fit(x, y, 150, 3, 0.05, 20)));
        }
        return c;
    }

    private final MarkingEngine engine;
    private final PrintStream out;
    private final PrintStream err;

    SemEvalEval(MarkingEngine engine, PrintStream out, PrintStream err) {
        this.engine = engine;
        this.out = out;
        this.err = err;
    }

    int run(Path root, boolean peers) throws IOException {
        Map<String, double[]> headline = new LinkedHashMap<>();
        for (String corpus : List.of("sciEntsBank", "beetle")) {
            Path trainDir = root.resolve("training/2way").resolve(corpus);
            if (!Files.isDirectory(trainDir)) {
                continue;
            }
            List<SemEvalData.Answer> train = SemEvalData.readDir(trainDir);
            err.printf(Locale.ROOT, "semeval %s: %d training answers%n", corpus, train.size());
            Path testRoot = root.resolve("test/2way").resolve(corpus);
            Map<String, List<SemEvalData.Answer>> tests = new LinkedHashMap<>();
            for (String split : List.of("test-unseen-answers", "test-unseen-questions", "test-unseen-domains")) {
                if (Files.isDirectory(testRoot.resolve(split))) {
                    tests.put(split, SemEvalData.readDir(testRoot.resolve(split)));
                }
            }
            if (engine.semantic().isPresent()) {
                List<String> texts = new ArrayList<>();
                for (List<SemEvalData.Answer> part : concat(train, tests)) {
                    for (SemEvalData.Answer a : part) {
                        texts.add(a.text());
                        texts.add(a.question());
                        texts.addAll(a.references());
                    }
                }
                new EmbeddingCache(EmbeddingCache.defaultFile("minilm-semeval-" + corpus + ".bin"))
                        .prepare(texts, engine.semantic().get().embedder(), err);
                if (SemEvalFeatures.ALIGNMENT) {
                    java.util.Set<String> parts = new java.util.LinkedHashSet<>();
                    for (String t : new java.util.LinkedHashSet<>(texts)) {
                        parts.addAll(engine.semantic().get().alignment().parts(t));
                    }
                    err.printf(Locale.ROOT, "semeval %s: %d distinct alignment parts%n", corpus, parts.size());
                    new EmbeddingCache(EmbeddingCache.defaultFile("minilm-semeval-" + corpus + "-parts.bin"))
                            .prepare(parts, engine.semantic().get().embedder(), err);
                }
            }
            SemEvalFeatures fx = new SemEvalFeatures(engine, train, peers, err);
            double[][] withKnn = fx.matrix(train, true, train);
            double[][] without = fx.matrix(train, false, train);
            double[] y = train.stream().mapToDouble(a -> a.correct() ? 1 : 0).toArray();
            Thresholds.Choice seenChoice = Thresholds.choose(withKnn, y, train, candidates());
            Thresholds.Choice unseenChoice = Thresholds.choose(without, y, train, candidates());
            Thresholds.Classifier seen = seenChoice.candidate().fit(withKnn, y);
            Thresholds.Classifier unseen = unseenChoice.candidate().fit(without, y);
            double seenCut = seenChoice.cut();
            double unseenCut = unseenChoice.cut();
            out.printf(Locale.ROOT, "%-12s chosen on question-grouped 5-fold CV of training: seen model %s cut "
                    + "%.2f (CV macro-F1 %.3f), unseen model %s cut %.2f (CV macro-F1 %.3f)%n", corpus,
                    seenChoice.candidate().name(), seenCut, seenChoice.macroF1(), unseenChoice.candidate().name(),
                    unseenCut, unseenChoice.macroF1());
            if (corpus.equals("sciEntsBank")) {
                Thresholds.Choice module = Thresholds.choose(without, y, Thresholds.moduleFolds(train), candidates());
                out.printf(Locale.ROOT, "%-12s unseen-domain proxy (leave-one-module-out CV of training): %s cut %.2f "
                        + "(CV macro-F1 %.3f)%n", corpus, module.candidate().name(), module.cut(), module.macroF1());
            }
            dump(corpus + "-train-knn", withKnn, y, train, fx);
            dump(corpus + "-train", without, y, train, fx);
            if (Boolean.getBoolean("semeval.cvOnly")) {
                continue;
            }
            for (Map.Entry<String, List<SemEvalData.Answer>> e : tests.entrySet()) {
                String split = e.getKey();
                List<SemEvalData.Answer> test = e.getValue();
                boolean knn = split.equals("test-unseen-answers");
                List<SemEvalData.Answer> peerPool = new ArrayList<>(test);
                if (knn) {
                    peerPool.addAll(train);
                }
                double[][] x = fx.matrix(test, knn, peerPool);
                dump(corpus + "-" + split, x, test.stream().mapToDouble(a -> a.correct() ? 1 : 0).toArray(), test,
                        fx);
                Thresholds.Classifier model = knn ? seen : unseen;
                boolean[] gold = new boolean[test.size()];
                boolean[] pred = new boolean[test.size()];
                for (int i = 0; i < test.size(); i++) {
                    gold[i] = test.get(i).correct();
                    pred[i] = model.predict(x[i]) >= (knn ? seenCut : unseenCut);
                }
                double[] m = Metrics.binary(gold, pred);
                out.printf(Locale.ROOT, "%-12s %-22s n=%5d  accuracy %.3f  macro-F1 %.3f  weighted-F1 %.3f%n",
                        corpus, split, test.size(), m[0], m[1], m[2]);
                headline.put(corpus + "-" + split.replace("test-unseen-", "u"), m);
            }
        }
        StringBuilder json = new StringBuilder("{\"dataset\":\"semeval2013-2way\",\"peers\":" + peers);
        headline.forEach((k, m) -> json.append(String.format(Locale.ROOT,
                ",\"%s\":{\"accuracy\":%.4f,\"macroF1\":%.4f,\"weightedF1\":%.4f}", k, m[0], m[1], m[2])));
        out.println(json.append('}'));
        return 0;
    }

    private static List<List<SemEvalData.Answer>> concat(List<SemEvalData.Answer> train,
                                                         Map<String, List<SemEvalData.Answer>> tests) {
        List<List<SemEvalData.Answer>> all = new ArrayList<>();
        all.add(train);
        all.addAll(tests.values());
        return all;
    }

    private void dump(String name, double[][] x, double[] y, List<SemEvalData.Answer> answers, SemEvalFeatures fx) {
        if (System.getProperty("eval.dump") == null) {
            return;
        }
        List<String> groups = answers.stream().map(SemEvalData.Answer::questionId).toList();
        Dump.matrix("semeval-" + name, x, y, groups);
        if (engine.semantic().isPresent()) {
            Dump.matrix("semeval-" + name + "-emb", fx.embeddingProducts(answers), y, groups);
        }
    }
}
