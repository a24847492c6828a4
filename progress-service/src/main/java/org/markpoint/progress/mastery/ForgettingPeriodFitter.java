package org.markpoint.progress.mastery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits how fast idle time erodes mastery: the forgetting period (idle time that counts as one more step of
 * {@code forget}) that maximises the one-step-ahead likelihood of a timestamped response log, chosen from a few
 * candidates. Needs real timestamps; ASSISTments' benchmark files have none, Markpoint's own log has.
 */
public final class ForgettingPeriodFitter {

    /** Candidate periods from a day to a year; the longest means "idle time barely matters". */
    public static final List<Duration> CANDIDATES = List.of(Duration.ofDays(1), Duration.ofDays(3),
            Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(365));

    /** The chosen period and the log-likelihood of each candidate. */
    public record Fit(Duration period, Map<Duration, Double> logLikelihoods) {
    }

    public Fit fit(List<EloDifficultyCalibrator.Response> log, Map<String, BktParameters> parameters,
            List<Duration> candidates) {
        List<EloDifficultyCalibrator.Response> ordered = new ArrayList<>(log);
        ordered.sort(Comparator.comparing(EloDifficultyCalibrator.Response::at));
        Map<Duration, Double> ll = new HashMap<>();
        candidates.parallelStream().forEach(period -> {
            double value = logLikelihood(ordered, parameters, new KnowledgeTracer(period));
            synchronized (ll) {
                ll.put(period, value);
            }
        });
        Duration best = candidates.stream().max(Comparator.comparingDouble(ll::get)).orElseThrow();
        return new Fit(best, Map.copyOf(ll));
    }

    private static double logLikelihood(List<EloDifficultyCalibrator.Response> ordered,
            Map<String, BktParameters> parameters, KnowledgeTracer tracer) {
        Map<String, MasteryEstimate> state = new HashMap<>();
        double ll = 0;
        for (EloDifficultyCalibrator.Response r : ordered) {
            BktParameters p = parameters.getOrDefault(r.outcomeId(), BktParameters.defaultsWithForgetting());
            String key = r.learnerId() + '\u0000' + r.outcomeId();
            MasteryEstimate estimate = state.get(key);
            if (estimate == null) {
                estimate = MasteryEstimate.initial(p, r.at());
            }
            double predicted = Math.max(1e-6, Math.min(1 - 1e-6, tracer.predictCorrect(estimate, p, 0, r.at())));
            double c = Math.max(0, Math.min(1, r.credit()));
            ll += c * Math.log(predicted) + (1 - c) * Math.log(1 - predicted);
            state.put(key, tracer.update(estimate, p, c, r.at()));
        }
        return ll;
    }
}
