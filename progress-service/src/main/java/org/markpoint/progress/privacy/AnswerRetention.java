package org.markpoint.progress.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.markpoint.progress.learner.LearnerProgress;
import org.markpoint.progress.tracking.LearnerProgressDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Data retention: quizzes (with the answers typed into them) started more than
 * {@code markpoint.retention.answers-days} ago are deleted, and marked answers that old leave learners' progress
 * (mastery, which summarises them, stays). 0 (the default) keeps everything. Runs daily.
 */
@Component
public class AnswerRetention {

    /** What one run removed. */
    public record Purged(long quizzes, int answers) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final int days;

    public AnswerRetention(MongoTemplate mongo, Clock clock, @Value("${markpoint.retention.answers-days:0}") int days) {
        this.mongo = mongo;
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(cron = "${markpoint.retention.cron:0 15 3 * * *}")
    public Purged purge() {
        if (days <= 0) {
            return new Purged(0, 0);
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        long quizzes = mongo.remove(new Query(Criteria.where("quiz.startedAt").lt(cutoff)),
                LocalLearnerData.QUIZZES).getDeletedCount();
        int answers = 0;
        for (LearnerProgressDocument doc : mongo.find(new Query(Criteria.where("progress.answers.answeredAt")
                .lt(cutoff)), LearnerProgressDocument.class)) {
            LearnerProgress p = doc.progress();
            var kept = p.answers().stream().filter(a -> !a.answeredAt().isBefore(cutoff)).toList();
            try {
                mongo.save(new LearnerProgressDocument(doc.id(), doc.tenantId(), new LearnerProgress(p.learnerId(),
                        p.outcomes(), p.responses(), p.appliedEventIds(), kept, p.history()), doc.outbox(),
                        doc.version()));
                answers += p.answers().size() - kept.size();
            } catch (OptimisticLockingFailureException changed) {
                // a mark landed meanwhile: the next run trims this learner
            }
        }
        return new Purged(quizzes, answers);
    }
}
