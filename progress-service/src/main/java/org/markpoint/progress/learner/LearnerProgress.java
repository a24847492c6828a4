package org.markpoint.progress.learner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.MarkEvent;
import org.markpoint.model.event.MarkOverridden;
import org.markpoint.model.event.MasteryUpdated;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.KnowledgeTracer;
import org.markpoint.progress.mastery.MasteryEstimate;

/**
 * Everything progress-service knows about one learner: mastery per outcome, the evidence behind it and the events
 * already applied. Applying an event returns the next state and the events it owes; applying one twice changes
 * nothing, and an override replaces the earlier evidence (the outcome is re-traced from its evidence) instead of
 * adding to it.
 */
public record LearnerProgress(String learnerId, List<OutcomeMastery> outcomes, List<Response> responses,
                              List<String> appliedEventIds) {

    static final int REMEMBERED_EVENT_IDS = 1000;

    /** The result of applying an event. */
    public record Applied(LearnerProgress next, List<MasteryUpdated> events) {
    }

    public LearnerProgress {
        outcomes = List.copyOf(outcomes);
        responses = List.copyOf(responses);
        appliedEventIds = List.copyOf(appliedEventIds);
    }

    public static LearnerProgress empty(String learnerId) {
        return new LearnerProgress(learnerId, List.of(), List.of(), List.of());
    }

    public Optional<OutcomeMastery> outcome(String outcomeId) {
        return outcomes.stream().filter(o -> o.outcomeId().equals(outcomeId)).findFirst();
    }

    /** Applies a mark event; empty when it was applied before (same event id, or a mark already counted). */
    public Optional<Applied> apply(String eventId, MarkEvent event, Instant at, KnowledgeTracer tracer,
                                   Function<String, BktParameters> params) {
        if (appliedEventIds.contains(eventId)) {
            return Optional.empty();
        }
        return switch (event) {
            case AnswerMarked e -> responses.stream().anyMatch(r -> r.markId().equals(e.markId()))
                    ? Optional.empty() : Optional.of(answered(eventId, e, at, tracer, params));
            case MarkOverridden e -> Optional.of(overridden(eventId, e, at, tracer, params));
        };
    }

    private Applied answered(String eventId, AnswerMarked e, Instant at, KnowledgeTracer tracer,
                             Function<String, BktParameters> params) {
        List<OutcomeMastery> next = new ArrayList<>(outcomes);
        List<Response> evidence = new ArrayList<>(responses);
        List<MasteryUpdated> owed = new ArrayList<>();
        for (OutcomeEvidence oe : e.outcomes()) {
            BktParameters p = params.apply(oe.outcomeId());
            MasteryEstimate before = estimate(oe.outcomeId(), p, at);
            MasteryEstimate after = tracer.update(before, p, oe.fraction(), at);
            replace(next, new OutcomeMastery(oe.outcomeId(), after.pKnown(), after.evidence(), at));
            evidence.add(new Response(e.markId(), e.questionId(), oe.outcomeId(), oe.fraction(), at));
            owed.add(new MasteryUpdated(learnerId, oe.outcomeId(), before.pKnown(), after.pKnown(), after.evidence()));
        }
        return new Applied(new LearnerProgress(learnerId, next, evidence, remember(eventId)), owed);
    }

    private Applied overridden(String eventId, MarkOverridden e, Instant at, KnowledgeTracer tracer,
                               Function<String, BktParameters> params) {
        List<Response> evidence = new ArrayList<>();
        Set<String> touched = new LinkedHashSet<>();
        for (Response r : responses) {
            if (r.markId().equals(e.markId())) {
                double credit = e.outcomes().stream().filter(o -> o.outcomeId().equals(r.outcomeId()))
                        .mapToDouble(OutcomeEvidence::fraction).findFirst()
                        .orElse(e.maxMarks() <= 0 ? 0 : (double) e.newMark() / e.maxMarks());
                evidence.add(new Response(r.markId(), r.questionId(), r.outcomeId(), credit, r.at()));
                touched.add(r.outcomeId());
            } else {
                evidence.add(r);
            }
        }
        List<OutcomeMastery> next = new ArrayList<>(outcomes);
        List<MasteryUpdated> owed = new ArrayList<>();
        for (String outcomeId : touched) {
            BktParameters p = params.apply(outcomeId);
            double before = outcome(outcomeId).map(OutcomeMastery::pKnown).orElse(p.prior());
            MasteryEstimate traced = null;
            for (Response r : evidence) {
                if (r.outcomeId().equals(outcomeId)) {
                    traced = tracer.update(traced == null ? MasteryEstimate.initial(p, r.at()) : traced, p,
                            r.credit(), r.at());
                }
            }
            replace(next, new OutcomeMastery(outcomeId, traced.pKnown(), traced.evidence(), traced.updatedAt()));
            owed.add(new MasteryUpdated(learnerId, outcomeId, before, traced.pKnown(), traced.evidence()));
        }
        return new Applied(new LearnerProgress(learnerId, next, evidence, remember(eventId)), owed);
    }

    private MasteryEstimate estimate(String outcomeId, BktParameters p, Instant at) {
        return outcome(outcomeId).map(o -> new MasteryEstimate(o.pKnown(), o.evidence(), o.updatedAt()))
                .orElse(MasteryEstimate.initial(p, at));
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
