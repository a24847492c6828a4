package org.markpoint.progress.mastery.eval;

import static org.markpoint.progress.mastery.eval.EvidenceFeatures.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.markpoint.progress.mastery.BktFitter;

/**
 * The knowledge-tracing benchmark: fit on train, predict every test response one step ahead from the learner's
 * earlier responses on the same skill, pool, score. Plain BKT, BKT+forgets and a logistic layer over BKT+forgets
 * come from the same code so each part's gain is visible.
 *
 * <p>Train only for every choice: BKT is cross-fitted over folds of train learners, so each train response gets
 * features from parameters that never saw its learner (as test responses will); the layer's feature set and
 * running-mean smoothing are chosen by fitting on the other folds and scoring on the first. Test is scored once.
 */
public final class KtEvaluation {

    /** A named set of features for the logistic layer; {@code withinProtocol} false = reported, never chosen. */
    public record Candidate(String name, List<String> features, boolean withinProtocol) {
    }

    public record Config(int minResponses, int folds, double[] smoothings, double l2, List<Candidate> candidates) {
        public static Config defaults() {
            List<String> full = List.of(BIAS, BKT, BKT_FORGETS, MEAN, LAST_RIGHT, LAST_WRONG, SECOND_LAST_RIGHT,
                    ATTEMPTS, SKILL_RATE, STREAK_RIGHT, STREAK_WRONG);
            List<String> recency = new ArrayList<>(full);
            recency.addAll(List.of(RECENT_FAST, RECENT_SLOW, SUCCESSES, FAILURES, THIRD_LAST_RIGHT,
                    FOURTH_LAST_RIGHT));
            List<String> crossSkill = new ArrayList<>(recency);
            crossSkill.add(LEARNER_OTHER_SKILLS);
            return new Config(2, 3, new double[] {1, 3, 8}, 1.0, List.of(
                    new Candidate("bkt_forgets+mean", List.of(BIAS, BKT_FORGETS, MEAN), true),
                    new Candidate("bkt_forgets+mean+recent", List.of(BIAS, BKT_FORGETS, MEAN, LAST_RIGHT, LAST_WRONG,
                            SECOND_LAST_RIGHT, ATTEMPTS, SKILL_RATE), true),
                    new Candidate("full_within_skill", full, true),
                    new Candidate("full_within_skill+recency", List.copyOf(recency), true),
                    new Candidate("with_learner_other_skills", List.copyOf(crossSkill), false)));
        }
    }

    public record Score(String model, double auc, double rmse, int predictions) {
    }

    public record Report(List<Score> test, List<Score> tuning, String bestModel, double bestSmoothing,
            LogisticLayer bestLayer, double fitSecondsPlain, double fitSecondsForgets, int trainResponses,
            int testResponses, int skillsFitted) {

        public Score score(String model) {
            return test.stream().filter(s -> s.model().equals(model)).findFirst().orElseThrow();
        }
    }

    public static final String SKILL_RATE_MODEL = "skill_correct_rate";
    public static final String RUNNING_MEAN_MODEL = "running_mean";
    public static final String BKT_MODEL = "bkt";
    public static final String BKT_FORGETS_MODEL = "bkt_forgets";
    public static final String BEST_MODEL = "best";

    private final Config config;

    public KtEvaluation(Config config) {
        this.config = config;
    }

    public Report run(KtDataset trainAll, KtDataset testAll, Consumer<String> progress) {
        KtDataset train = trainAll.withMinResponses(config.minResponses());
        KtDataset test = testAll.withMinResponses(config.minResponses());
        progress.accept("train: %d learners, %d responses; test: %d learners, %d responses".formatted(
                train.learners().size(), train.responseCount(), test.learners().size(), test.responseCount()));

        Tuning tuning = tune(train, progress);

        progress.accept("fitting plain BKT on all train ...");
        List<SkillTrace> trainTraces = train.traces();
        long t0 = System.nanoTime();
        SkillModels plain = SkillModels.fit(trainTraces, BktFitter.Options.defaults().withoutForgetting());
        double fitPlain = (System.nanoTime() - t0) / 1e9;
        progress.accept("  %.2f s for %d skills".formatted(fitPlain, plain.bySkill().size()));
        progress.accept("fitting BKT+forgets on all train ...");
        t0 = System.nanoTime();
        SkillModels forgets = SkillModels.fit(trainTraces, BktFitter.Options.defaults());
        double fitForgets = (System.nanoTime() - t0) / 1e9;
        progress.accept("  %.2f s for %d skills".formatted(fitForgets, forgets.bySkill().size()));

        progress.accept("predicting test one step ahead ...");
        EvidenceFeatures.Table table = new EvidenceFeatures(tuning.smoothing).table(test.traces(), plain, forgets);
        List<Score> scores = new ArrayList<>();
        scores.add(score(SKILL_RATE_MODEL, table.skillRate(), table.labels()));
        scores.add(score(RUNNING_MEAN_MODEL, table.runningMean(), table.labels()));
        scores.add(score(BKT_MODEL, table.bkt(), table.labels()));
        scores.add(score(BKT_FORGETS_MODEL, table.bktForgets(), table.labels()));
        for (Candidate candidate : config.candidates()) {
            LogisticLayer layer = tuning.layers.get(candidate.name());
            scores.add(score(candidate.name(), predict(layer, table.columns(candidate.features())), table.labels()));
        }
        LogisticLayer best = tuning.layers.get(tuning.best);
        scores.add(score(BEST_MODEL, predict(best, table.columns(best.featureNames())), table.labels()));
        return new Report(scores, tuning.scores, tuning.best, tuning.smoothing, best, fitPlain, fitForgets,
                train.responseCount(), table.size(), forgets.bySkill().size());
    }

    private record Tuning(String best, double smoothing, Map<String, LogisticLayer> layers, List<Score> scores) {
    }

    private Tuning tune(KtDataset train, Consumer<String> progress) {
        int k = config.folds();
        List<List<SkillTrace>> foldTraces = new ArrayList<>();
        List<SkillModels[]> foldModels = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            progress.accept("tuning: cross-fitting BKT, fold %d of %d".formatted(f + 1, k));
            List<SkillTrace> others = train.fold(k, f, true).traces();
            foldTraces.add(train.fold(k, f, false).traces());
            foldModels.add(new SkillModels[] {
                    SkillModels.fit(others, BktFitter.Options.defaults().withoutForgetting()),
                    SkillModels.fit(others, BktFitter.Options.defaults())});
        }
        double bestAuc = -1;
        String bestName = null;
        double bestSmoothing = config.smoothings()[0];
        List<Score> scores = new ArrayList<>();
        Map<Double, EvidenceFeatures.Table> outOfFold = new LinkedHashMap<>();
        for (double smoothing : config.smoothings()) {
            EvidenceFeatures features = new EvidenceFeatures(smoothing);
            List<EvidenceFeatures.Table> tables = new ArrayList<>();
            for (int f = 0; f < k; f++) {
                tables.add(features.table(foldTraces.get(f), foldModels.get(f)[0], foldModels.get(f)[1]));
            }
            outOfFold.put(smoothing, EvidenceFeatures.Table.concat(tables));
            EvidenceFeatures.Table scoreTable = tables.get(0);
            EvidenceFeatures.Table fitTable = EvidenceFeatures.Table.concat(tables.subList(1, k));
            for (Candidate candidate : config.candidates()) {
                if (!candidate.withinProtocol()) {
                    continue;
                }
                LogisticLayer layer = LogisticLayer.fit(candidate.features(), fitTable.columns(candidate.features()),
                        fitTable.labels(), config.l2());
                Score s = score(candidate.name() + "@" + smoothing,
                        predict(layer, scoreTable.columns(candidate.features())), scoreTable.labels());
                scores.add(s);
                progress.accept("  train fold 1: %-36s AUC %.4f RMSE %.4f".formatted(s.model(), s.auc(), s.rmse()));
                if (s.auc() > bestAuc) {
                    bestAuc = s.auc();
                    bestName = candidate.name();
                    bestSmoothing = smoothing;
                }
            }
        }
        progress.accept("chosen on train: %s, running-mean smoothing %.0f".formatted(bestName, bestSmoothing));
        EvidenceFeatures.Table all = outOfFold.get(bestSmoothing);
        Map<String, LogisticLayer> layers = new LinkedHashMap<>();
        for (Candidate candidate : config.candidates()) {
            layers.put(candidate.name(), LogisticLayer.fit(candidate.features(), all.columns(candidate.features()),
                    all.labels(), config.l2()));
        }
        return new Tuning(bestName, bestSmoothing, layers, scores);
    }

    private static double[] predict(LogisticLayer layer, double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = layer.predict(rows[i]);
        }
        return out;
    }

    private static Score score(String name, double[] predictions, double[] labels) {
        return new Score(name, Metrics.auc(predictions, labels), Metrics.rmse(predictions, labels), labels.length);
    }
}
