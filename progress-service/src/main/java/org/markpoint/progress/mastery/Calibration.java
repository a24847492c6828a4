package org.markpoint.progress.mastery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What the online tracer and the quiz use from the last refit: BKT parameters per outcome, calibrated difficulty per
 * question and the forgetting period. Anything the refit had too little data for falls back to the defaults, so a
 * new outcome or question behaves as before any fitting.
 */
public record Calibration(Map<String, BktParameters> outcomes, Map<String, Double> difficulties,
                          Duration forgettingPeriod) {

    public Calibration {
        outcomes = Map.copyOf(outcomes);
        difficulties = Map.copyOf(difficulties);
    }

    /** Before any refit: default parameters, every question average, one forgetting step per week idle. */
    public static Calibration defaults() {
        return new Calibration(Map.of(), Map.of(), KnowledgeTracer.DEFAULT_FORGETTING_PERIOD);
    }

    /** A question's difficulty counts once it rests on this many responses; before that it is noise. */
    public static final int MIN_ITEM_RESPONSES = 10;

    /**
     * The refit's result, keeping only outcomes fitted on at least {@code minResponses} responses and questions
     * calibrated on at least {@link #MIN_ITEM_RESPONSES}.
     */
    public static Calibration of(MasteryRefit.Result result, int minResponses) {
        Map<String, BktParameters> fitted = new HashMap<>();
        result.outcomes().forEach((outcome, p) -> {
            if (result.responses().getOrDefault(outcome, 0) >= minResponses) {
                fitted.put(outcome, p);
            }
        });
        Map<String, Double> difficulties = new HashMap<>();
        result.items().forEach((item, d) -> {
            if (d.responses() >= MIN_ITEM_RESPONSES) {
                difficulties.put(item, d.difficulty());
            }
        });
        return new Calibration(fitted, difficulties, result.forgettingPeriod());
    }

    public BktParameters parameters(String outcomeId) {
        return outcomes.getOrDefault(outcomeId, BktParameters.defaults());
    }

    /** Logits relative to an average question of its outcome; 0 for a question never calibrated. */
    public double difficulty(String questionId) {
        return difficulties.getOrDefault(questionId, 0.0);
    }

    public KnowledgeTracer tracer() {
        return new KnowledgeTracer(forgettingPeriod);
    }
}
