package org.markpoint.progress.cohort.analysis;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.markpoint.model.event.SpottedMisconception;
import org.markpoint.progress.learner.AnswerRecord;

/** What a cohort's answers keep getting wrong: marking points missed and misconceptions spotted, commonest first. */
public final class AnswerTallies {

    /** A marking point of a question missed in {@code missed} of the question's {@code attempts} answers. */
    public record MissedPoint(String questionId, String pointId, int missed, int attempts) {
    }

    /** A misconception spotted in {@code count} answers to a question, with the correction learners were shown. */
    public record MisconceptionCount(String questionId, String misconceptionId, String correction, int count) {
    }

    private AnswerTallies() {
    }

    /** Most missed first; ties by the larger share of attempts, then by ids. Points never missed are left out. */
    public static List<MissedPoint> missedPoints(Collection<List<AnswerRecord>> answersByLearner) {
        Map<String, Integer> attempts = new HashMap<>();
        Map<List<String>, Integer> missed = new HashMap<>();
        answersByLearner.stream().flatMap(List::stream).forEach(a -> {
            attempts.merge(a.questionId(), 1, Integer::sum);
            a.pointsMissed().stream().distinct().forEach(p -> missed.merge(List.of(a.questionId(), p), 1,
                    Integer::sum));
        });
        return missed.entrySet().stream()
                .map(e -> new MissedPoint(e.getKey().get(0), e.getKey().get(1), e.getValue(),
                        attempts.get(e.getKey().get(0))))
                .sorted(Comparator.comparingInt(MissedPoint::missed).reversed()
                        .thenComparing(Comparator.comparingDouble((MissedPoint m) ->
                                (double) m.missed() / m.attempts()).reversed())
                        .thenComparing(MissedPoint::questionId).thenComparing(MissedPoint::pointId))
                .toList();
    }

    /** Commonest first, then by ids; the correction is the one on the latest answer that showed it. */
    public static List<MisconceptionCount> misconceptions(Collection<List<AnswerRecord>> answersByLearner) {
        Map<List<String>, Integer> counts = new HashMap<>();
        Map<List<String>, SpottedMisconception> latest = new HashMap<>();
        Map<List<String>, java.time.Instant> latestAt = new HashMap<>();
        answersByLearner.stream().flatMap(List::stream).forEach(a -> a.misconceptions().forEach(m -> {
            List<String> key = List.of(a.questionId(), m.id());
            counts.merge(key, 1, Integer::sum);
            if (!latestAt.containsKey(key) || a.answeredAt().isAfter(latestAt.get(key))) {
                latestAt.put(key, a.answeredAt());
                latest.put(key, m);
            }
        }));
        return counts.entrySet().stream()
                .map(e -> new MisconceptionCount(e.getKey().get(0), e.getKey().get(1),
                        latest.get(e.getKey()).correction(), e.getValue()))
                .sorted(Comparator.comparingInt(MisconceptionCount::count).reversed()
                        .thenComparing(MisconceptionCount::questionId)
                        .thenComparing(MisconceptionCount::misconceptionId))
                .toList();
    }
}
