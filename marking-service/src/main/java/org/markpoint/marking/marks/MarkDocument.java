package org.markpoint.marking.marks;

import java.time.Instant;
import java.util.List;
import org.markpoint.marking.engine.MarkResult;
import org.markpoint.marking.support.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stored mark with the scheme version it used; {@code outbox} holds the {@code AnswerMarked} it owes. */
@Document("marks")
@CompoundIndexes({
    @CompoundIndex(name = "tenant_learner", def = "{'tenantId': 1, 'learnerId': 1, 'createdAt': -1}"),
    @CompoundIndex(name = "tenant_question", def = "{'tenantId': 1, 'questionId': 1}"),
    // the review queue: pending marks of a tenant in id order (the cursor)
    @CompoundIndex(name = "tenant_review", def = "{'tenantId': 1, 'review.status': 1, '_id': 1}")
})
public record MarkDocument(@Id String id, String tenantId, String learnerId, String questionId, int questionVersion,
                           String answer, MarkResult result, Instant createdAt, List<OutboxEntry> outbox,
                           Review review, Appeal appeal) {

    /**
     * Human moderation of the mark: {@code status} is none (not asked for), pending (in the review queue), accepted
     * (the tutor agreed) or overridden (the tutor gave {@code tutorMark}). An audit of who changed what, and why.
     */
    public record Review(String status, int tutorMark, String tutorId, String reason, Instant at) {

        public static final String NONE = "none";
        public static final String PENDING = "pending";
        public static final String ACCEPTED = "accepted";
        public static final String OVERRIDDEN = "overridden";

        public static Review of(MarkResult result) {
            return new Review(result.flags().contains("needs_review") ? PENDING : NONE, -1, "", "", null);
        }

        public boolean settled() {
            return ACCEPTED.equals(status) || OVERRIDDEN.equals(status);
        }
    }

    /**
     * A learner's request for a human to review the automated mark (GDPR Article 22), at most one per mark. Its
     * outcome is the review's: pending until a tutor accepts or overrides the mark.
     */
    public record Appeal(String reason, String requestedBy, Instant requestedAt) {

        public static final Appeal NONE = new Appeal("", "", null);

        public boolean made() {
            return requestedAt != null;
        }
    }

    public MarkDocument {
        learnerId = learnerId == null ? "" : learnerId;
        questionId = questionId == null ? "" : questionId;
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        review = review == null ? Review.of(result) : review;
        appeal = appeal == null ? Appeal.NONE : appeal;
    }

    public MarkDocument withReview(Review next, List<OutboxEntry> owed) {
        return new MarkDocument(id, tenantId, learnerId, questionId, questionVersion, answer, result, createdAt, owed,
                next, appeal);
    }

    public MarkDocument withAppeal(Appeal next, Review review) {
        return new MarkDocument(id, tenantId, learnerId, questionId, questionVersion, answer, result, createdAt, outbox,
                review, next);
    }

    /** The mark that counts: the tutor's when overridden, else the engine's. */
    public int finalMark() {
        return Review.OVERRIDDEN.equals(review.status()) ? review.tutorMark() : result.mark();
    }
}
