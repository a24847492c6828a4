package org.markpoint.progress.quiz;

import java.time.Instant;
import java.util.Optional;
import org.markpoint.progress.quiz.session.ItemStatus;
import org.markpoint.progress.quiz.session.QuizItem;
import org.markpoint.progress.quiz.session.QuizSession;

/**
 * A quiz launched from an LMS line item (LTI Assignment and Grade Services) and where its grade passback stands.
 * It rides in the quiz document, so the score a change owes the LMS is saved in the same write as the change; the
 * passback relay posts it and records the outcome. {@code revision} counts the scores owed so far: the relay marks a
 * post {@code sent} only if no newer score became owed meanwhile.
 *
 * @param status {@code waiting} (quiz not finished or a mark still pending), {@code owed}, {@code sent} or
 *               {@code failed} (gave up after {@link #MAX_ATTEMPTS}; a retry makes it owed again)
 */
public record GradeLink(String registrationId, String resourceLinkId, String lineItemUrl, String lmsUserId,
                        String status, double scoreGiven, double scoreMaximum, int revision, int attempts,
                        String lastError, Instant nextAttemptAt, Instant sentAt) {

    public static final String WAITING = "waiting";
    public static final String OWED = "owed";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final int MAX_ATTEMPTS = 8;

    public GradeLink {
        lastError = lastError == null ? "" : lastError;
    }

    /** A fresh link: nothing owed until the quiz finishes. */
    public static GradeLink to(String registrationId, String resourceLinkId, String lineItemUrl, String lmsUserId) {
        return new GradeLink(registrationId, resourceLinkId, lineItemUrl, lmsUserId, WAITING, 0, 0, 0, 0, "", null,
                null);
    }

    /**
     * The link after the quiz became {@code quiz}: a finished quiz whose marks are all in owes its score, unless
     * that exact score is already owed or sent.
     */
    GradeLink following(QuizSession quiz) {
        Optional<double[]> score = score(quiz);
        if (score.isEmpty()) {
            return this;
        }
        double given = score.get()[0];
        double max = score.get()[1];
        boolean same = given == scoreGiven && max == scoreMaximum;
        if (same && (OWED.equals(status) || SENT.equals(status))) {
            return this;
        }
        return new GradeLink(registrationId, resourceLinkId, lineItemUrl, lmsUserId, OWED, given, max, revision + 1,
                0, "", null, sentAt);
    }

    /** Marks earned and available over the quiz's marked items, once it is finished and no mark is pending. */
    static Optional<double[]> score(QuizSession quiz) {
        if (!quiz.finished() || quiz.items().stream().anyMatch(i -> i.status() == ItemStatus.MARK_PENDING)) {
            return Optional.empty();
        }
        double given = 0;
        double max = 0;
        for (QuizItem item : quiz.items()) {
            if (item.mark().isPresent()) {
                given += item.mark().get().mark();
                max += item.mark().get().maxMarks();
            }
        }
        return max <= 0 ? Optional.empty() : Optional.of(new double[] {given, max});
    }

    /** Owed again now, attempts reset (an admin's retry of a failed or sent passback). */
    GradeLink retried() {
        return new GradeLink(registrationId, resourceLinkId, lineItemUrl, lmsUserId, OWED, scoreGiven, scoreMaximum,
                revision + 1, 0, "", null, sentAt);
    }

    /** The same link pointed at the line item (and user) of the latest launch. */
    GradeLink relinked(String lineItem, String userId) {
        return new GradeLink(registrationId, resourceLinkId, lineItem, userId, status, scoreGiven, scoreMaximum,
                revision, attempts, lastError, nextAttemptAt, sentAt);
    }
}
