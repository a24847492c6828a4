package org.markpoint.progress.mastery.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A knowledge-tracing response log: per learner, the skills practised and the credit earned, in record order. */
public record KtDataset(List<LearnerRecord> learners) {

    /** One learner's record: {@code skills[i]} was answered with credit {@code credits[i]}. */
    public record LearnerRecord(int[] skills, double[] credits) {
        public LearnerRecord {
            if (skills.length != credits.length) {
                throw new IllegalArgumentException(
                        "skills and credits differ in length: " + skills.length + " vs " + credits.length);
            }
        }

        public int length() {
            return skills.length;
        }
    }

    public int responseCount() {
        return learners.stream().mapToInt(LearnerRecord::length).sum();
    }

    /** Learners with at least {@code minResponses} responses (the usual protocol drops single-response learners). */
    public KtDataset withMinResponses(int minResponses) {
        return new KtDataset(learners.stream().filter(l -> l.length() >= minResponses).toList());
    }

    /** Learners whose position satisfies the split: {@code index % folds == fold} (or != when {@code exclude}). */
    public KtDataset fold(int folds, int fold, boolean exclude) {
        List<LearnerRecord> picked = new ArrayList<>();
        for (int i = 0; i < learners.size(); i++) {
            if ((i % folds == fold) != exclude) {
                picked.add(learners.get(i));
            }
        }
        return new KtDataset(picked);
    }

    /** Each learner's responses grouped by skill, keeping the within-skill order (the only order that is real). */
    public List<SkillTrace> traces() {
        List<SkillTrace> traces = new ArrayList<>();
        for (int l = 0; l < learners.size(); l++) {
            LearnerRecord record = learners.get(l);
            Map<Integer, List<Double>> bySkill = new LinkedHashMap<>();
            for (int i = 0; i < record.length(); i++) {
                bySkill.computeIfAbsent(record.skills()[i], k -> new ArrayList<>()).add(record.credits()[i]);
            }
            for (Map.Entry<Integer, List<Double>> e : bySkill.entrySet()) {
                double[] credits = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
                traces.add(new SkillTrace(l, e.getKey(), credits));
            }
        }
        return traces;
    }
}
