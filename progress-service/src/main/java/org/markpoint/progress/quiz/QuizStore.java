package org.markpoint.progress.quiz;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.markpoint.progress.support.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Loads and saves quiz documents; {@link #update} re-reads and re-applies when another writer got there first. */
@Repository
class QuizStore {

    static final int ATTEMPTS = 8;

    private final MongoTemplate mongo;

    QuizStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<QuizDocument> find(String tenantId, String quizId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("_id").is(quizId).and("tenantId")
                .is(tenantId)), QuizDocument.class));
    }

    /** The learner's quiz holding an item marked with {@code markId}, if any. */
    Optional<QuizDocument> findByMark(String tenantId, String learnerId, String markId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("tenantId").is(tenantId)
                .and("quiz.learnerId").is(learnerId).and("quiz.items.markDetails.markId").is(markId)),
                QuizDocument.class));
    }

    QuizDocument load(String tenantId, String quizId) {
        return find(tenantId, quizId).orElseThrow(() -> new NotFoundException("quiz", quizId));
    }

    /** Fails with {@link OptimisticLockingFailureException} when the document changed since it was read. */
    QuizDocument save(QuizDocument doc) {
        return mongo.save(doc);
    }

    /**
     * Applies {@code change} to the stored quiz and saves it, retrying on a concurrent write; an unchanged result is
     * not written. Whatever {@code change} throws (not found, conflict) goes to the caller.
     */
    QuizDocument update(String tenantId, String quizId, UnaryOperator<QuizDocument> change) {
        for (int attempt = 1; ; attempt++) {
            QuizDocument current = load(tenantId, quizId);
            QuizDocument next = change.apply(current);
            if (next.equals(current)) {
                return current;
            }
            try {
                return save(next);
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The learner's latest quiz launched from this LMS resource link, if any. */
    Optional<QuizDocument> latestForLink(String tenantId, String learnerId, String resourceLinkId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("tenantId").is(tenantId)
                .and("quiz.learnerId").is(learnerId).and("lti.resourceLinkId").is(resourceLinkId))
                .with(Sort.by(Sort.Direction.DESC, "quiz.startedAt")).limit(1), QuizDocument.class));
    }

    /** Quizzes owing their LMS line item a score that is due now (no back-off pending), any tenant. */
    List<QuizDocument> gradesDue(Instant now, int limit) {
        return mongo.find(new Query(Criteria.where("lti.status").is(GradeLink.OWED).orOperator(dueAt(now)))
                .limit(limit), QuizDocument.class);
    }

    /** Quizzes of a tenant linked to an LMS line item, in id order after {@code cursor}; one more than limit. */
    List<QuizDocument> linked(String tenantId, String status, String cursor, int limit) {
        Criteria where = Criteria.where("tenantId").is(tenantId).and("lti").ne(null);
        if (!status.isEmpty()) {
            where = where.and("lti.status").is(status);
        }
        if (!cursor.isEmpty()) {
            where = where.and("_id").gt(cursor);
        }
        return mongo.find(new Query(where).with(Sort.by("_id")).limit(limit + 1), QuizDocument.class);
    }

    /**
     * Records the outcome of posting score {@code revision}: only if that is still the score owed (a newer one
     * stays owed). Bumps the version so a writer holding the old document re-reads it.
     */
    boolean recordGrade(String quizId, int revision, Update outcome) {
        return recordGrade(quizId, revision, outcome, false, null);
    }

    /** As {@link #recordGrade(String, int, Update)}, and only while the score is due at {@code now}. */
    boolean recordGradeIfDue(String quizId, int revision, Update outcome, Instant now) {
        return recordGrade(quizId, revision, outcome, true, now);
    }

    /** A grade passback with no back-off pending at {@code now} (either of these holds). */
    private static Criteria[] dueAt(Instant now) {
        return new Criteria[] {Criteria.where("lti.nextAttemptAt").is(null),
            Criteria.where("lti.nextAttemptAt").lte(now)};
    }

    private boolean recordGrade(String quizId, int revision, Update outcome, boolean dueOnly, Instant now) {
        Criteria where = Criteria.where("_id").is(quizId).and("lti.revision").is(revision).and("lti.status")
                .is(GradeLink.OWED);
        if (dueOnly) {
            where = where.orOperator(dueAt(now));
        }
        return mongo.updateFirst(new Query(where), outcome.inc("version", 1), QuizDocument.class)
                .getModifiedCount() > 0;
    }
}
