package org.markpoint.progress.adaptive;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.markpoint.progress.mastery.KnowledgeTracer;
import org.markpoint.progress.mastery.MasteryEstimate;

/**
 * Picks the next question of an adaptive quiz in two steps, each explainable in a sentence:
 * <ol>
 *   <li>the outcome that most needs work among those the stop rule has not settled: lowest mastery, weighted up by
 *   how uncertain the estimate still is;</li>
 *   <li>within it, the question whose predicted success is closest to the target (~0.7: hard enough to teach,
 *   easy enough to keep going), skipping questions seen recently and holding deeper command words back until the
 *   learner has passed one level shallower.</li>
 * </ol>
 */
public final class NextQuestionChooser {

    /**
     * @param targetSuccess      predicted success the chosen question should be closest to
     * @param recentAnswers      questions among the last this-many answers are not repeated
     * @param recentPeriod       questions answered within this period are not repeated
     * @param uncertaintyWeight  how much a wide mastery interval raises an outcome's need
     * @param passCredit         credit that counts as passing a command-word level
     */
    public record Settings(double targetSuccess, int recentAnswers, Duration recentPeriod, double uncertaintyWeight,
            double passCredit) {
        public static Settings defaults() {
            return new Settings(0.7, 10, Duration.ofDays(1), 0.5, 0.6);
        }
    }

    private final Settings settings;
    private final StopRule stopRule;
    private final KnowledgeTracer tracer;

    public NextQuestionChooser(Settings settings, StopRule stopRule, KnowledgeTracer tracer) {
        this.settings = settings;
        this.stopRule = stopRule;
        this.tracer = tracer;
    }

    /** Empty when no open outcome has a question in the bank. */
    public Optional<QuestionChoice> choose(List<OutcomeState> outcomes, List<CandidateQuestion> bank,
            List<PastAnswer> history, Instant now) {
        Map<String, List<CandidateQuestion>> byOutcome = new HashMap<>();
        for (CandidateQuestion q : bank) {
            byOutcome.computeIfAbsent(q.outcomeId(), k -> new java.util.ArrayList<>()).add(q);
        }
        Comparator<OutcomeState> mostNeed = Comparator.comparingDouble((OutcomeState o) -> need(o, now)).reversed()
                .thenComparing(OutcomeState::outcomeId);
        Optional<OutcomeState> weakest = outcomes.stream()
                .filter(o -> stopRule.verdict(o.estimate()) == OutcomeVerdict.UNDECIDED)
                .filter(o -> byOutcome.containsKey(o.outcomeId()))
                .min(mostNeed);
        return weakest.map(o -> pick(o, byOutcome.get(o.outcomeId()), history, now));
    }

    /** (1 - mastery) raised by the width of the mastery interval: weak and uncertain first. */
    public double need(OutcomeState outcome, Instant now) {
        MasteryEstimate current = tracer.asOf(outcome.estimate(), outcome.parameters(), now);
        return (1 - current.pKnown()) * (1 + settings.uncertaintyWeight() * current.interval().width());
    }

    private QuestionChoice pick(OutcomeState outcome, List<CandidateQuestion> questions, List<PastAnswer> history,
            Instant now) {
        Set<String> recent = recentQuestions(history, now);
        List<CandidateQuestion> fresh = questions.stream().filter(q -> !recent.contains(q.questionId())).toList();
        List<CandidateQuestion> pool = fresh.isEmpty() ? leastRecentlySeen(questions, history) : fresh;
        int allowedDepth = allowedDepth(outcome.outcomeId(), pool, history);
        List<CandidateQuestion> withinDepth = pool.stream()
                .filter(q -> q.commandWord().depth() <= allowedDepth).toList();
        List<CandidateQuestion> candidates = withinDepth.isEmpty() ? pool : withinDepth;
        CandidateQuestion best = candidates.stream()
                .min(Comparator.comparingDouble((CandidateQuestion q) ->
                                Math.abs(predicted(outcome, q, now) - settings.targetSuccess()))
                        .thenComparingInt(q -> q.commandWord().depth())
                        .thenComparing(CandidateQuestion::questionId))
                .orElseThrow();
        double predicted = predicted(outcome, best, now);
        MasteryEstimate current = tracer.asOf(outcome.estimate(), outcome.parameters(), now);
        String reason = ("%s needs most work: mastery %.2f (range %.2f-%.2f, %d answers). %s (%s) has predicted "
                + "success %.2f, closest to the %.2f target%s.").formatted(outcome.outcomeId(), current.pKnown(),
                current.interval().lower(), current.interval().upper(), current.evidence(), best.questionId(),
                best.commandWord().wireName(), predicted, settings.targetSuccess(),
                fresh.isEmpty() ? "; every question was seen recently, so the least recent comes back" : "");
        return new QuestionChoice(best, need(outcome, now), predicted, reason);
    }

    private double predicted(OutcomeState outcome, CandidateQuestion q, Instant now) {
        return tracer.predictCorrect(outcome.estimate(), outcome.parameters(), q.difficulty(), now);
    }

    private Set<String> recentQuestions(List<PastAnswer> history, Instant now) {
        Set<String> recent = new HashSet<>();
        int from = Math.max(0, history.size() - settings.recentAnswers());
        for (int i = 0; i < history.size(); i++) {
            PastAnswer a = history.get(i);
            if (i >= from || Duration.between(a.at(), now).compareTo(settings.recentPeriod()) < 0) {
                recent.add(a.questionId());
            }
        }
        return recent;
    }

    private static List<CandidateQuestion> leastRecentlySeen(List<CandidateQuestion> questions,
            List<PastAnswer> history) {
        Map<String, Integer> lastSeen = new HashMap<>();
        for (int i = 0; i < history.size(); i++) {
            lastSeen.put(history.get(i).questionId(), i);
        }
        int oldest = questions.stream().mapToInt(q -> lastSeen.getOrDefault(q.questionId(), -1)).min().orElse(-1);
        return questions.stream().filter(q -> lastSeen.getOrDefault(q.questionId(), -1) == oldest).toList();
    }

    /** One level deeper than the deepest command word already passed on this outcome; the shallowest at first. */
    private int allowedDepth(String outcomeId, List<CandidateQuestion> pool, List<PastAnswer> history) {
        int shallowest = pool.stream().mapToInt(q -> q.commandWord().depth()).min().orElse(1);
        int passed = history.stream()
                .filter(a -> a.outcomeId().equals(outcomeId) && a.credit() >= settings.passCredit())
                .mapToInt(a -> a.commandWord().depth()).max().orElse(0);
        return Math.max(shallowest, passed + 1);
    }
}
