package org.markpoint.progress.mastery.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.markpoint.progress.mastery.BktFitter;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.EloDifficultyCalibrator;
import org.markpoint.progress.mastery.ItemDifficulty;
import org.markpoint.progress.mastery.KnowledgeTracer;
import org.markpoint.progress.mastery.MasteryEstimate;

/**
 * Item-level check on a log that names items: does Elo item difficulty (fitted on train learners) improve BKT+forgets
 * one-step-ahead predictions on held-out learners, and does updating on a graded credit instead of 0/1 help? Every
 * model predicts the same 0/1 first-attempt correctness.
 */
public final class ItemLevelEvaluation {

    /** One response, in the learner's practice order: 0/1 correctness and a graded credit in [0, 1]. */
    public record Row(String learner, String skill, String item, double correct, double gradedCredit) {
    }

    public record Report(List<KtEvaluation.Score> scores, int trainResponses, int testResponses, int items,
            int testLearners) {
    }

    private static final Instant AT = Instant.EPOCH;
    private final int folds;

    public ItemLevelEvaluation(int folds) {
        this.folds = folds;
    }

    public Report run(List<Row> rows, Consumer<String> progress) {
        Map<String, Integer> learnerIndex = new LinkedHashMap<>();
        rows.forEach(r -> learnerIndex.putIfAbsent(r.learner(), learnerIndex.size()));
        List<Row> train = new ArrayList<>();
        List<Row> test = new ArrayList<>();
        for (Row r : rows) {
            (learnerIndex.get(r.learner()) % folds == 0 ? test : train).add(r);
        }
        progress.accept("item-level: %d train responses, %d test responses (every %dth learner held out)".formatted(
                train.size(), test.size(), folds));
        List<KtEvaluation.Score> scores = new ArrayList<>();
        scores.add(evaluate("bkt_forgets", train, test, false, false));
        scores.add(evaluate("bkt_forgets+item_difficulty", train, test, true, false));
        scores.add(evaluate("bkt_forgets+graded_credit", train, test, false, true));
        scores.add(evaluate("bkt_forgets+item_difficulty+graded_credit", train, test, true, true));
        long items = rows.stream().map(Row::item).distinct().count();
        long testLearners = test.stream().map(Row::learner).distinct().count();
        return new Report(scores, train.size(), test.size(), (int) items, (int) testLearners);
    }

    private KtEvaluation.Score evaluate(String name, List<Row> train, List<Row> test, boolean difficulty,
            boolean graded) {
        Map<String, BktParameters> params = fit(train, graded);
        Map<String, ItemDifficulty> items = difficulty ? calibrate(train, params, graded) : Map.of();
        KnowledgeTracer tracer = new KnowledgeTracer();
        Map<String, MasteryEstimate> state = new HashMap<>();
        double[] predictions = new double[test.size()];
        double[] labels = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
            Row r = test.get(i);
            BktParameters p = params.getOrDefault(r.skill(), BktParameters.defaultsWithForgetting());
            MasteryEstimate estimate = state.computeIfAbsent(r.learner() + '\u0000' + r.skill(),
                    k -> MasteryEstimate.initial(p, AT));
            double d = items.containsKey(r.item()) ? items.get(r.item()).difficulty() : 0.0;
            predictions[i] = tracer.predictCorrect(estimate, p, d, AT);
            labels[i] = r.correct();
            state.put(r.learner() + '\u0000' + r.skill(),
                    tracer.update(estimate, p, graded ? r.gradedCredit() : r.correct(), AT, d));
        }
        return new KtEvaluation.Score(name, Metrics.auc(predictions, labels), Metrics.rmse(predictions, labels),
                labels.length);
    }

    private static Map<String, BktParameters> fit(List<Row> train, boolean graded) {
        Map<String, Map<String, List<Double>>> bySkill = new LinkedHashMap<>();
        for (Row r : train) {
            bySkill.computeIfAbsent(r.skill(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.learner(), k -> new ArrayList<>())
                    .add(graded ? r.gradedCredit() : r.correct());
        }
        Map<String, BktParameters> params = new HashMap<>();
        BktFitter fitter = new BktFitter();
        bySkill.forEach((skill, learners) -> {
            org.markpoint.progress.mastery.ResponseSequences.Builder b =
                    org.markpoint.progress.mastery.ResponseSequences.builder();
            learners.values().forEach(seq -> b.add(seq.stream().mapToDouble(Double::doubleValue).toArray()));
            params.put(skill, fitter.fit(b.build(), BktParameters.defaultsWithForgetting()).parameters());
        });
        return params;
    }

    private static Map<String, ItemDifficulty> calibrate(List<Row> train, Map<String, BktParameters> params,
            boolean graded) {
        List<EloDifficultyCalibrator.Response> log = new ArrayList<>();
        for (Row r : train) {
            log.add(new EloDifficultyCalibrator.Response(r.learner(), r.skill(), r.item(),
                    graded ? r.gradedCredit() : r.correct(), AT));
        }
        return new EloDifficultyCalibrator().calibrate(log, params);
    }
}
