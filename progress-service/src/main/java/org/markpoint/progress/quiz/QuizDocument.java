package org.markpoint.progress.quiz;

import java.util.List;
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

    QuizDocument with(QuizSession next, List<OutboxEntry> owed) {
        return new QuizDocument(id, tenantId, next, owed, lti == null ? null : lti.following(next), version);
    }
}
