package org.markpoint.progress.mastery;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Elo-style item difficulty, online: after each response the item's difficulty moves by K times the surprise
 * (predicted success minus credit earned), where the prediction already uses the learner's BKT mastery. K shrinks
 * as the item collects responses (K = a / (1 + b n)), so new items move fast and settled items stay put.
 *
 * <p>{@link #calibrate} replays a response log in order (the batch refit) and re-centres each outcome's items on 0,
 * since difficulty is relative to the outcome's own guess/slip.
 */
public final class EloDifficultyCalibrator {

    /** One logged response: who, which outcome and item, the credit, and when. */
    public record Response(String learnerId, String outcomeId, String itemId, double credit, Instant at) {
    }

    private final double a;
    private final double b;
    private final KnowledgeTracer tracer;

    public EloDifficultyCalibrator(double a, double b, KnowledgeTracer tracer) {
        this.a = a;
        this.b = b;
        this.tracer = tracer;
    }

    /** K = 1 / (1 + 0.05 n), the uncertainty function Pelánek recommends for Elo in education. */
    public EloDifficultyCalibrator() {
        this(1.0, 0.05, new KnowledgeTracer());
    }

    /** The item's difficulty after one response whose predicted success (at the old difficulty) was given. */
    public ItemDifficulty update(ItemDifficulty item, double predictedSuccess, double credit) {
        double c = Math.max(0, Math.min(1, credit));
        double k = a / (1 + b * item.responses());
        return new ItemDifficulty(item.itemId(), item.difficulty() + k * (predictedSuccess - c),
                item.responses() + 1);
    }

    /** Replays responses in the given order; parameters per outcome, defaults for unknown outcomes. */
    public Map<String, ItemDifficulty> calibrate(List<Response> log, Map<String, BktParameters> parameters) {
        Map<String, ItemDifficulty> items = new HashMap<>();
        Map<String, String> outcomeOfItem = new HashMap<>();
        Map<String, MasteryEstimate> mastery = new HashMap<>();
        for (Response r : log) {
            BktParameters p = parameters.getOrDefault(r.outcomeId(), BktParameters.defaults());
            String key = r.learnerId() + '\u0000' + r.outcomeId();
            MasteryEstimate estimate = mastery.computeIfAbsent(key, k -> MasteryEstimate.initial(p, r.at()));
            ItemDifficulty item = items.computeIfAbsent(r.itemId(), ItemDifficulty::uncalibrated);
            double predicted = tracer.predictCorrect(estimate, p, item.difficulty(), r.at());
            items.put(r.itemId(), update(item, predicted, r.credit()));
            outcomeOfItem.put(r.itemId(), r.outcomeId());
            mastery.put(key, tracer.update(estimate, p, r.credit(), r.at(), item.difficulty()));
        }
        return centred(items, outcomeOfItem);
    }

    private static Map<String, ItemDifficulty> centred(Map<String, ItemDifficulty> items,
            Map<String, String> outcomeOfItem) {
        Map<String, double[]> sums = new HashMap<>();
        items.values().forEach(i -> {
            double[] s = sums.computeIfAbsent(outcomeOfItem.get(i.itemId()), k -> new double[2]);
            s[0] += i.difficulty();
            s[1]++;
        });
        Map<String, ItemDifficulty> out = new HashMap<>();
        items.values().forEach(i -> {
            double[] s = sums.get(outcomeOfItem.get(i.itemId()));
            out.put(i.itemId(), new ItemDifficulty(i.itemId(), i.difficulty() - s[0] / s[1], i.responses()));
        });
        return Map.copyOf(out);
    }
}
