package org.markpoint.progress.quiz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.QuizCompleted;
import org.markpoint.progress.quiz.session.QuizSummary;
import org.markpoint.progress.quiz.session.QuizSession;
import org.markpoint.progress.support.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One quiz in one document ({@code _id} = quiz id): its state and the events it owes change together in a single
 * write (and so does the score an LMS line item is owed, {@code lti}); {@code version} makes a concurrent writer (a second tab, the mark listener) fail and retry.
 */
@Document("quizzes")
@CompoundIndex(name = "tenant_learner", def = "{'tenantId': 1, 'quiz.learnerId': 1}")
@CompoundIndex(name = "tenant_mark", def = "{'tenantId': 1, 'quiz.items.markDetails.markId': 1}")
@CompoundIndex(name = "lti_due", def = "{'lti.status': 1, 'lti.nextAttemptAt': 1}")
@CompoundIndex(name = "lti_link", def = "{'tenantId': 1, 'quiz.learnerId': 1, 'lti.resourceLinkId': 1}")
record QuizDocument(@Id String id, String tenantId, QuizSession quiz, List<OutboxEntry> outbox, GradeLink lti,
                    @Version Long version) {

    QuizDocument {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** The quiz moved on; an LMS line item it is linked to is owed the new score in the same write. */
    QuizDocument with(QuizSession next) {
        return with(next, outbox);
    }

    /** The same quiz linked to {@code link} (its LMS line item and passback state). */
    QuizDocument withLti(GradeLink link) {
        return new QuizDocument(id, tenantId, quiz, outbox, link, version);
    }

    /** The quiz moved on, owing {@code owed}; the move that finishes it also owes {@code QuizCompleted}. */
    QuizDocument with(QuizSession next, List<OutboxEntry> owed) {
        List<OutboxEntry> events = owed;
        if (next.finished() && (quiz == null || !quiz.finished())) {
            events = new ArrayList<>(owed);
            events.add(OutboxEntry.of(EventEnvelope.wrap(tenantId, completed(next), next.finalSummary()
                    .map(QuizSummary::finishedAt).orElse(Instant.now()))));
        }
        // wall clock, not a Clock bean (records have none): only an ordering stamp for the LMS, see GradeLink.scoredAt
        return new QuizDocument(id, tenantId, next, events, lti == null ? null : lti.following(next, Instant.now()),
                version);
    }

    private static QuizCompleted completed(QuizSession quiz) {
        GradeLink.Score score = GradeLink.Score.of(quiz);
        QuizSummary summary = quiz.finalSummary().orElse(null);
        return new QuizCompleted(quiz.quizId(), quiz.learnerId(), quiz.scope().unitId(), quiz.scope().outcomes(),
                score.given(), score.maximum(), score.pending(), summary == null ? List.of() : summary.mastered(),
                summary == null ? List.of() : summary.toRevise(), summary == null ? "" : summary.stopReason(),
                summary == null ? Instant.now() : summary.finishedAt());
    }
}
