package org.markpoint.progress.quiz;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.markpoint.progress.support.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
}
