package org.markpoint.progress.learner;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.MarkEvent;
import org.markpoint.model.event.MarkOverridden;
import org.markpoint.model.event.MasteryUpdated;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.progress.adaptive.ReviewSchedule;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.Calibration;
import org.markpoint.progress.mastery.KnowledgeTracer;
import org.markpoint.progress.mastery.MasteryEstimate;

/**
 * Everything progress-service knows about one learner: mastery per outcome, the evidence behind it, the marked
 * answers, a bounded daily mastery history and the events already applied. Applying an event returns the next state
 * and the events it owes; applying one twice changes nothing, and an override replaces the earlier evidence (the
 * outcome is re-traced from its evidence) instead of adding to it. An event whose numbers cannot be evidence is
 * rejected ({@link RejectedEventException}) before it touches anything.
 */
public record LearnerProgress(String learnerId, List<OutcomeMastery> outcomes, List<Response> responses,
                              List<String> appliedEventIds, List<AnswerRecord> answers,
                              List<DailyMastery> history) {

    static final int REMEMBERED_EVENT_IDS = 1000;
    /** Days of history kept per outcome (days with answers; the oldest go first). */
    static final int HISTORY_DAYS_PER_OUTCOME = 120;
    private static final ReviewSchedule REVIEWS = new ReviewSchedule();

    /** The result of applying an event. */
    public record Applied(LearnerProgress next, List<MasteryUpdated> events) {
    }

    public LearnerProgress {
        // documents written before answers and history existed have neither
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        responses = responses == null ? List.of() : List.copyOf(responses);
        appliedEventIds = appliedEventIds == null ? List.of() : List.copyOf(appliedEventIds);
        answers = answers == null ? List.of() : List.copyOf(answers);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static LearnerProgress empty(String learnerId) {
        return new LearnerProgress(learnerId, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public Optional<OutcomeMastery> outcome(String outcomeId) {
        return outcomes.stream().filter(o -> o.outcomeId().equals(outcomeId)).findFirst();
    }

    /** When the learner last answered anything; empty before the first answer. */
    public Optional<Instant> lastActivity() {
        return Stream.concat(answers.stream().map(AnswerRecord::answeredAt),
                outcomes.stream().map(OutcomeMastery::updatedAt)).max(Instant::compareTo);
    }

    /** Applies a mark event; empty when it was applied before (same event id, or a mark already counted). */
    public Optional<Applied> apply(String eventId, MarkEvent event, Instant at, Calibration calibration) {
        MarkEventCheck.requireValid(event);
        if (appliedEventIds.contains(eventId)) {
            return Optional.empty();
        }
        return switch (event) {
            case AnswerMarked e -> counted(e.markId())
                    ? Optional.empty() : Optional.of(answered(eventId, e, at, calibration));
            case MarkOverridden e -> Optional.of(overridden(eventId, e, calibration));
        };
    }

    private boolean counted(String markId) {
        return responses.stream().anyMatch(r -> r.markId().equals(markId))
                || answers.stream().anyMatch(a -> a.markId().equals(markId));
    }

    private Applied answered(String eventId, AnswerMarked e, Instant at, Calibration calibration) {
        KnowledgeTracer tracer = calibration.tracer();
        double difficulty = calibration.difficulty(e.questionId());
        List<OutcomeMastery> next = new ArrayList<>(outcomes);
        List<Response> evidence = new ArrayList<>(responses);
        List<DailyMastery> days = history;
        List<MasteryUpdated> owed = new ArrayList<>();
        for (OutcomeEvidence oe : e.outcomes()) {
            BktParameters p = calibration.parameters(oe.outcomeId());
            Optional<OutcomeMastery> current = find(next, oe.outcomeId());
            OutcomeMastery after = step(current, oe.outcomeId(), p, tracer, oe.fraction(), at, difficulty);
            replace(next, after);
            evidence.add(new Response(e.markId(), e.questionId(), oe.outcomeId(), oe.fraction(), at));
            days = DailyMastery.record(days, oe.outcomeId(), day(at), after.pKnown(), 1, HISTORY_DAYS_PER_OUTCOME);
            owed.add(new MasteryUpdated(learnerId, oe.outcomeId(),
                    current.map(OutcomeMastery::pKnown).orElse(p.prior()), after.pKnown(), after.evidence()));
        }
        List<AnswerRecord> marked = new ArrayList<>(answers);
        marked.add(AnswerRecord.of(e, at));
        return new Applied(new LearnerProgress(learnerId, next, evidence, remember(eventId), marked, days), owed);
    }

    private Applied overridden(String eventId, MarkOverridden e, Calibration calibration) {
        List<Response> evidence = new ArrayList<>();
        Set<String> touched = new LinkedHashSet<>();
        for (Response r : responses) {
            if (r.markId().equals(e.markId())) {
                double credit = e.outcomes().stream().filter(o -> o.outcomeId().equals(r.outcomeId()))
                        .mapToDouble(OutcomeEvidence::fraction).findFirst()
                        .orElse((double) e.newMark() / e.maxMarks());
                evidence.add(new Response(r.markId(), r.questionId(), r.outcomeId(), credit, r.at()));
                touched.add(r.outcomeId());
            } else {
                evidence.add(r);
            }
        }
        KnowledgeTracer tracer = calibration.tracer();
        List<OutcomeMastery> next = new ArrayList<>(outcomes);
        List<DailyMastery> days = history;
        List<MasteryUpdated> owed = new ArrayList<>();
        for (String outcomeId : touched) {
            BktParameters p = calibration.parameters(outcomeId);
            double before = outcome(outcomeId).map(OutcomeMastery::pKnown).orElse(p.prior());
            Optional<OutcomeMastery> traced = Optional.empty();
            for (Response r : evidence) {
                if (r.outcomeId().equals(outcomeId)) {
                    traced = Optional.of(step(traced, outcomeId, p, tracer, r.credit(), r.at(),
                            calibration.difficulty(r.questionId())));
                }
            }
            OutcomeMastery after = traced.orElseThrow();
            replace(next, after);
            days = DailyMastery.record(days, outcomeId, day(after.updatedAt()), after.pKnown(), 0,
                    HISTORY_DAYS_PER_OUTCOME);
            owed.add(new MasteryUpdated(learnerId, outcomeId, before, after.pKnown(), after.evidence()));
        }
        List<AnswerRecord> marked = answers.stream()
                .map(a -> a.markId().equals(e.markId()) ? a.overriddenWith(e.newMark()) : a).toList();
        return new Applied(new LearnerProgress(learnerId, next, evidence, remember(eventId), marked, days), owed);
    }

    /** One answer's worth of tracing for one outcome, with the spaced-review schedule moved along. */
    private static OutcomeMastery step(Optional<OutcomeMastery> current, String outcomeId, BktParameters p,
                                       KnowledgeTracer tracer, double credit, Instant at, double difficulty) {
        MasteryEstimate before = current.map(OutcomeMastery::estimate).orElse(MasteryEstimate.initial(p, at));
        MasteryEstimate after = tracer.update(before, p, credit, at, difficulty);
        Review review = Review.next(current.map(OutcomeMastery::review).orElse(null), after.pKnown(), credit, at,
                REVIEWS);
        return new OutcomeMastery(outcomeId, after.pKnown(), after.evidence(), after.updatedAt(), review);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static Optional<OutcomeMastery> find(List<OutcomeMastery> list, String outcomeId) {
        return list.stream().filter(o -> o.outcomeId().equals(outcomeId)).findFirst();
    }

    private static void replace(List<OutcomeMastery> list, OutcomeMastery m) {
        list.removeIf(o -> o.outcomeId().equals(m.outcomeId()));
        list.add(m);
    }

    private List<String> remember(String eventId) {
        List<String> ids = new ArrayList<>(appliedEventIds);
        ids.add(eventId);
        return ids.size() > REMEMBERED_EVENT_IDS ? ids.subList(ids.size() - REMEMBERED_EVENT_IDS, ids.size()) : ids;
    }
}
