package org.markpoint.progress.mastery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch refit over a stored response log (never on the request path): BKT parameters per outcome by EM, then
 * item difficulties by replaying the log through Elo with those parameters, and the forgetting period that best
 * explains the log's timing. Outcomes with too few responses keep
 * the defaults, so a new outcome behaves sensibly until data arrives.
 */
public final class MasteryRefit {

    /**
     * Fitted parameters per outcome, difficulty per item, how many responses each outcome's fit saw, and the
     * forgetting period to construct {@link KnowledgeTracer} with.
     */
    public record Result(Map<String, BktParameters> outcomes, Map<String, ItemDifficulty> items,
            Map<String, Integer> responses, java.time.Duration forgettingPeriod) {
    }

    private final BktFitter fitter;
    private final int minResponses;
    private final BktParameters defaults;
    private final EloDifficultyCalibrator calibrator;

    public MasteryRefit(BktFitter.Options options, int minResponses, EloDifficultyCalibrator calibrator) {
        this.fitter = new BktFitter(options);
        this.minResponses = minResponses;
        this.defaults = options.fitForget() ? BktParameters.defaultsWithForgetting() : BktParameters.defaults();
        this.calibrator = calibrator;
    }

    /** Fits forgetting; outcomes with fewer than 50 responses keep the defaults. */
    public MasteryRefit() {
        this(BktFitter.Options.defaults(), 50, new EloDifficultyCalibrator());
    }

    public Result refit(List<EloDifficultyCalibrator.Response> log) {
        List<EloDifficultyCalibrator.Response> ordered = new ArrayList<>(log);
        ordered.sort(Comparator.comparing(EloDifficultyCalibrator.Response::at));
        Map<String, Map<String, List<Double>>> byOutcome = new LinkedHashMap<>();
        for (EloDifficultyCalibrator.Response r : ordered) {
            byOutcome.computeIfAbsent(r.outcomeId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.learnerId(), k -> new ArrayList<>())
                    .add(Math.max(0, Math.min(1, r.credit())));
        }
        Map<String, BktParameters> params = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        byOutcome.entrySet().parallelStream().forEach(e -> {
            ResponseSequences.Builder builder = ResponseSequences.builder();
            e.getValue().values().forEach(seq -> builder.add(seq.stream().mapToDouble(Double::doubleValue).toArray()));
            ResponseSequences data = builder.build();
            BktParameters fitted = data.responseCount() >= minResponses
                    ? fitter.fit(data, defaults).parameters() : defaults;
            synchronized (params) {
                params.put(e.getKey(), fitted);
                counts.put(e.getKey(), data.responseCount());
            }
        });
        Map<String, ItemDifficulty> items = calibrator.calibrate(ordered, params);
        java.time.Duration period = new ForgettingPeriodFitter()
                .fit(ordered, params, ForgettingPeriodFitter.CANDIDATES).period();
        return new Result(Map.copyOf(params), items, Map.copyOf(counts), period);
    }
}
