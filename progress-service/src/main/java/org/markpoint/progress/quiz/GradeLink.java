package org.markpoint.progress.quiz;

import java.time.Instant;
import org.markpoint.progress.quiz.session.ItemStatus;
import org.markpoint.progress.quiz.session.QuizItem;
import org.markpoint.progress.quiz.session.QuizSession;

/**
 * A quiz launched from an LMS line item (LTI Assignment and Grade Services) and where its grade passback stands.
 * It rides in the quiz document, so the score a change owes the LMS is saved in the same write as the change; the
 * passback relay posts it and records the outcome. {@code revision} counts the scores owed so far: the relay marks a
 * post {@code sent} only if no newer score became owed meanwhile. {@code scoredAt} (when the score became owed) is the
 * AGS timestamp: an LMS keeps the score with the latest timestamp, so a late retry of an older score cannot replace
 * a newer one.
 *
 * @param status {@code waiting} (quiz not finished or a mark still pending), {@code owed}, {@code sent} or
 *               {@code failed} (gave up after {@link #MAX_ATTEMPTS}; a retry makes it owed again)
 */
public record GradeLink(String registrationId, String resourceLinkId, String lineItemUrl, String lmsUserId,
                        String status, double scoreGiven, double scoreMaximum, int revision, int attempts,
                        String lastError, Instant nextAttemptAt, Instant sentAt, Instant scoredAt) {

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
                null, null);
    }

    /**
     * The link after the quiz became {@code quiz}: a finished quiz whose marks are all in owes its score, unless
     * that exact score is already owed or sent.
     */
    GradeLink following(QuizSession quiz, Instant now) {
        if (!canPassBack(quiz)) {
            return this;
        }
        Score score = Score.of(quiz);
        boolean same = score.given() == scoreGiven && score.maximum() == scoreMaximum;
        if (same && (OWED.equals(status) || SENT.equals(status))) {
            return this;
        }
        return new GradeLink(registrationId, resourceLinkId, lineItemUrl, lmsUserId, OWED, score.given(),
                score.maximum(), revision + 1, 0, "", null, sentAt, now);
    }

    /** There is a line item to post to (launched with AGS) and the quiz has a complete score for it. */
    boolean canPassBack(QuizSession quiz) {
        return !lineItemUrl.isEmpty() && Score.of(quiz).complete(quiz);
    }

    /** Marks earned and available over a quiz's marked items, and how many items still wait for their mark. */
    public record Score(int given, int maximum, int pending) {

        public static Score of(QuizSession quiz) {
            int given = 0;
            int max = 0;
            int pending = 0;
            for (QuizItem item : quiz.items()) {
                if (item.mark().isPresent()) {
                    given += item.mark().get().mark();
                    max += item.mark().get().maxMarks();
                } else if (item.status() == ItemStatus.MARK_PENDING) {
                    pending++;
                }
            }
            return new Score(given, max, pending);
        }

        /** A score to pass back: the quiz is finished, every answer marked, and there were marks to earn. */
        boolean complete(QuizSession quiz) {
            return quiz.finished() && pending == 0 && maximum > 0;
        }
    }

    /** Owed again now, attempts reset (an admin's retry of a failed or sent passback). */
    GradeLink retried(Instant now) {
        return new GradeLink(registrationId, resourceLinkId, lineItemUrl, lmsUserId, OWED, scoreGiven, scoreMaximum,
                revision + 1, 0, "", null, sentAt, now);
    }

    /** The same link pointed at the line item (and user) of the latest launch. */
    GradeLink relinked(String lineItem, String userId) {
        return new GradeLink(registrationId, resourceLinkId, lineItem, userId, status, scoreGiven, scoreMaximum,
                revision, attempts, lastError, nextAttemptAt, sentAt, scoredAt);
    }
}
