package org.markpoint.progress.quiz;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.markpoint.progress.calibration.CalibrationStore;
import org.markpoint.progress.catalog.PublishedQuestion;
import org.markpoint.progress.catalog.QuestionCatalog;
import org.markpoint.progress.learner.OutcomeMastery;
import org.markpoint.progress.adaptive.ReviewSchedule;
import org.markpoint.progress.mastery.MasteryEstimate;
import org.markpoint.progress.quiz.session.QuizItem;
import org.markpoint.progress.quiz.session.QuizPlanner;
import org.markpoint.progress.quiz.session.QuizPlanner.NextStep;
import org.markpoint.progress.quiz.session.QuizScope;
import org.markpoint.progress.quiz.session.QuizSession;
import org.markpoint.progress.quiz.session.ScopeQuestion;
import org.markpoint.progress.support.NotFoundException;
import org.markpoint.progress.tracking.ProgressTracker;
import org.springframework.stereotype.Service;

/** Starts quizzes and moves them on: load, ask the planner, save. */
@Service
class QuizService {

    /** A request to start a quiz, defaults applied: exactly one of {@code unitId} and {@code outcomes} is set. */
    record Start(String learnerId, String unitId, List<String> outcomes, int maxItems, double targetMastery) {
    }

    private final QuizStore store;
    private final QuestionCatalog catalog;
    private final ProgressTracker tracker;
    private final CalibrationStore calibrations;
    private final Clock clock;
    private final ReviewSchedule reviews = new ReviewSchedule();

    QuizService(QuizStore store, QuestionCatalog catalog, ProgressTracker tracker, CalibrationStore calibrations,
                Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.tracker = tracker;
        this.calibrations = calibrations;
        this.clock = clock;
    }

    QuizDocument start(String tenantId, Start request) {
        return start(tenantId, request, null);
    }

    /** Starts a quiz; {@code lti} links it to an LMS line item (null: not launched from an LMS). */
    QuizDocument start(String tenantId, Start request, GradeLink lti) {
        QuizScope scope = scope(tenantId, request);
        Instant now = clock.instant();
        String quizId = UUID.randomUUID().toString();
        QuizSession quiz = QuizSession.start(quizId, request.learnerId(), scope, request.maxItems(),
                request.targetMastery(), now);
        return store.save(new QuizDocument(quizId, tenantId, null, List.of(), lti, null).with(advance(tenantId,
                quiz)));
    }

    QuizDocument get(String tenantId, String quizId) {
        return store.load(tenantId, quizId);
    }

    /** Idempotent while the current item waits for its answer: asking again returns the same item. */
    QuizDocument next(String tenantId, String quizId) {
        return store.update(tenantId, quizId, doc -> doc.with(advance(tenantId, doc.quiz())));
    }

    private QuizSession advance(String tenantId, QuizSession quiz) {
        if (quiz.finished()) {
            return quiz;
        }
        QuizSession session = quiz;
        var current = session.current();
        if (current.isPresent()) {
            if (catalog.live(tenantId, current.get().questionId()).isPresent()) {
                return session;
            }
            session = session.withdraw(current.get().itemId()); // retired before it was answered
        }
        Instant now = clock.instant();
        NextStep step = new QuizPlanner(calibrations.current(tenantId), reviews).next(session, questions(tenantId, session.scope()), mastery(tenantId,
                session.learnerId()), now);
        return switch (step) {
            case NextStep.Ask ask -> session.ask(ask.question(), now);
            case NextStep.Finish finish -> session.finish(finish.summary());
        };
    }

    private QuizScope scope(String tenantId, Start request) {
        if (!request.unitId().isEmpty()) {
            List<PublishedQuestion> inUnit = catalog.liveInUnit(tenantId, request.unitId());
            Set<String> outcomes = inUnit.stream().flatMap(q -> q.learningOutcomes().stream())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            if (outcomes.isEmpty()) {
                throw new NotFoundException("unit with published questions", request.unitId());
            }
            return new QuizScope(request.unitId(), new ArrayList<>(outcomes));
        }
        Set<String> wanted = new LinkedHashSet<>(request.outcomes());
        Set<String> covered = catalog.liveForOutcomes(tenantId, wanted).stream()
                .flatMap(q -> q.learningOutcomes().stream()).collect(Collectors.toSet());
        wanted.stream().filter(o -> !covered.contains(o)).findFirst().ifPresent(o -> {
            throw new NotFoundException("learning outcome with published questions", o);
        });
        return new QuizScope("", new ArrayList<>(wanted));
    }

    private List<ScopeQuestion> questions(String tenantId, QuizScope scope) {
        List<PublishedQuestion> live = scope.isUnit() ? catalog.liveInUnit(tenantId, scope.unitId())
                : catalog.liveForOutcomes(tenantId, scope.outcomes());
        return live.stream().map(q -> new ScopeQuestion(q.questionId(), q.version(), q.learningOutcomes(),
                q.commandWord(), q.maxMarks())).toList();
    }

    private Map<String, MasteryEstimate> mastery(String tenantId, String learnerId) {
        return tracker.find(tenantId, learnerId).map(p -> p.outcomes().stream().collect(Collectors.toMap(
                OutcomeMastery::outcomeId, OutcomeMastery::estimate)))
                .orElse(Map.of());
    }

    /** The learner's mastery now of the outcomes an item evidences, and whether it already counts the item's mark. */
    List<MasteryNow> masteryOf(String tenantId, String learnerId, QuizItem item) {
        var progress = tracker.find(tenantId, learnerId);
        String markId = item.mark().map(m -> m.markId()).orElse("");
        return item.outcomes().stream().map(o -> {
            var m = progress.flatMap(p -> p.outcome(o));
            boolean counted = !markId.isEmpty() && progress.map(p -> p.responses().stream()
                    .anyMatch(r -> r.markId().equals(markId) && r.outcomeId().equals(o))).orElse(false);
            return new MasteryNow(o, m.map(OutcomeMastery::pKnown).orElse(calibrations.current(tenantId)
                    .parameters(o).prior()),
                    m.map(OutcomeMastery::evidence).orElse(0), counted);
        }).toList();
    }

    /** {@code includesThisAnswer}: the mastery update travels by event and may land a moment after the mark. */
    record MasteryNow(String outcomeId, double mastery, int evidence, boolean includesThisAnswer) {
        MasteryNow {
            mastery = Math.round(mastery * 1000) / 1000.0;
        }
    }
}
