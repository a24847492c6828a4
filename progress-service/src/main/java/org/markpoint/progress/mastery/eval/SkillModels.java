package org.markpoint.progress.mastery.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.markpoint.progress.mastery.BktFitter;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.ResponseSequences;

/** BKT parameters fitted per skill, a pooled fit for skills never seen in training, and each skill's mean credit. */
public record SkillModels(Map<Integer, BktParameters> bySkill, BktParameters pooled, Map<Integer, Double> skillRate,
        double overallRate) {

    public BktParameters forSkill(int skill) {
        return bySkill.getOrDefault(skill, pooled);
    }

    public double rateOf(int skill) {
        return skillRate.getOrDefault(skill, overallRate);
    }

    /** Fits every skill in parallel (each skill's EM is independent). */
    public static SkillModels fit(List<SkillTrace> traces, BktFitter.Options options) {
        Map<Integer, List<SkillTrace>> grouped = new HashMap<>();
        for (SkillTrace t : traces) {
            grouped.computeIfAbsent(t.skill(), k -> new ArrayList<>()).add(t);
        }
        List<Integer> skills = new ArrayList<>(grouped.keySet());
        BktFitter fitter = new BktFitter(options);
        BktParameters fallback = options.fitForget()
                ? BktParameters.defaultsWithForgetting() : BktParameters.defaults();
        BktParameters[] fitted = new BktParameters[skills.size()];
        double[] rates = new double[skills.size()];
        IntStream.range(0, skills.size()).parallel().forEach(i -> {
            ResponseSequences data = sequences(grouped.get(skills.get(i)));
            fitted[i] = fitter.fit(data, fallback).parameters();
            rates[i] = data.meanCredit();
        });
        Map<Integer, BktParameters> bySkill = new HashMap<>();
        Map<Integer, Double> skillRate = new HashMap<>();
        for (int i = 0; i < skills.size(); i++) {
            bySkill.put(skills.get(i), fitted[i]);
            skillRate.put(skills.get(i), rates[i]);
        }
        ResponseSequences all = sequences(traces);
        BktParameters pooled = fitter.fit(all, fallback).parameters();
        return new SkillModels(Map.copyOf(bySkill), pooled, Map.copyOf(skillRate), all.meanCredit());
    }

    private static ResponseSequences sequences(List<SkillTrace> traces) {
        ResponseSequences.Builder builder = ResponseSequences.builder();
        traces.forEach(t -> builder.add(t.credits()));
        return builder.build();
    }
}
