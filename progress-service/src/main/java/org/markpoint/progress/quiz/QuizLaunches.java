package org.markpoint.progress.quiz;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.markpoint.progress.support.ConflictException;
import org.markpoint.progress.support.Page;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What LTI needs of quizzes: start or resume a learner's quiz for an LMS resource link, and the grade passback
 * bookkeeping on the quiz documents (which scores are owed, and recording how each post went).
 */
@Service
public class QuizLaunches {

    /** A score a quiz owes its LMS line item. */
    public record DueGrade(String tenantId, String quizId, String learnerId, GradeLink link) {
    }

    private final QuizService quizzes;
    private final QuizStore store;
    private final Clock clock;

    QuizLaunches(QuizService quizzes, QuizStore store, Clock clock) {
        this.quizzes = quizzes;
        this.store = store;
        this.clock = clock;
    }

    /**
     * The learner's unfinished quiz for this resource link (pointed at the latest line item), or a new one over the
     * unit or outcomes. A finished quiz is not reopened: launching again starts a fresh attempt, whose score then
     * replaces the earlier one in the LMS gradebook.
     */
    public String startOrResume(String tenantId, String learnerId, String unitId, List<String> outcomes,
                                GradeLink link) {
        Optional<QuizDocument> latest = store.latestForLink(tenantId, learnerId, link.resourceLinkId());
        if (latest.isPresent() && !latest.get().quiz().finished()) {
            return store.update(tenantId, latest.get().id(), doc -> doc.withLti(doc.lti().relinked(
                    link.lineItemUrl(), link.lmsUserId()))).id();
        }
        var start = new QuizRequests.CreateQuiz(learnerId, unitId.isEmpty() ? null : unitId,
                outcomes.isEmpty() ? null : outcomes, null, null).toStart(learnerId);
        return quizzes.start(tenantId, start, link).id();
    }

    /**
     * Scores due now, each claimed for {@code lease} (its next attempt moved past it), so several instances never
     * post the same score at once; one that dies mid-post leaves it to be taken again when the lease ends.
     */
    public List<DueGrade> claimGradesDue(Instant now, Duration lease, int limit) {
        return store.gradesDue(now, limit).stream()
                .filter(doc -> store.recordGradeIfDue(doc.id(), doc.lti().revision(), new Update()
                        .set("lti.nextAttemptAt", now.plus(lease)), now))
                .map(QuizLaunches::due).toList();
    }

    /** The LMS took score {@code revision}; false when a newer score became owed meanwhile (it goes next). */
    public boolean gradeSent(String quizId, int revision, Instant at) {
        return store.recordGrade(quizId, revision, new Update().set("lti.status", GradeLink.SENT)
                .set("lti.sentAt", at).set("lti.lastError", "").inc("lti.attempts", 1));
    }

    /** A post failed: try again after a back-off doubling from 2 s (at most 10 min), or give up after the last. */
    public void gradeFailed(DueGrade grade, String error, Instant now) {
        int attempt = grade.link().attempts() + 1;
        Update update = new Update().set("lti.lastError", error).inc("lti.attempts", 1);
        if (attempt >= GradeLink.MAX_ATTEMPTS) {
            update.set("lti.status", GradeLink.FAILED);
        } else {
            long seconds = Math.min(600, 2L << Math.min(attempt - 1, 20));
            update.set("lti.nextAttemptAt", now.plus(Duration.ofSeconds(seconds)));
        }
        store.recordGrade(grade.quizId(), grade.link().revision(), update);
    }

    /** Passback state of a tenant's LMS-linked quizzes, optionally one status only. */
    public Page<DueGrade> grades(String tenantId, String status, String cursor, int limit) {
        List<QuizDocument> found = store.linked(tenantId, status, cursor, limit);
        boolean more = found.size() > limit;
        List<DueGrade> items = (more ? found.subList(0, limit) : found).stream().map(QuizLaunches::due).toList();
        return new Page<>(items, more ? items.getLast().quizId() : "");
    }

    /** Posts the quiz's current score again (after a failure, or to repair a gradebook). */
    public DueGrade retry(String tenantId, String quizId) {
        QuizDocument doc = store.update(tenantId, quizId, d -> {
            if (d.lti() == null || !d.lti().canPassBack(d.quiz())) {
                throw new ConflictException("quiz '" + quizId + "' has no score to pass back (not launched from an LMS "
                        + "line item, not finished, or a mark is still pending)");
            }
            return d.withLti(d.lti().retried(clock.instant()));
        });
        return due(doc);
    }

    private static DueGrade due(QuizDocument doc) {
        return new DueGrade(doc.tenantId(), doc.id(), doc.quiz().learnerId(), doc.lti());
    }
}
