package org.markpoint.progress.quiz.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One question asked in a quiz. {@code answerId} is deterministic (quiz id + item id), so marking-service sees the
 * same idempotency key whether the answer reaches it synchronously or as {@code AnswerSubmitted}: one mark either
 * way. {@code answerKey} is the client's {@code Idempotency-Key}, which recognises a retry of the same answer.
 */
public record QuizItem(String itemId, String questionId, int questionVersion, List<String> outcomes,
                       String commandWord, int maxMarks, ItemStatus status, String answerId, String answer,
                       String answerKey, Instant askedAt, Instant answeredAt, MarkDetails markDetails) {

    public QuizItem {
        outcomes = List.copyOf(outcomes);
        answer = answer == null ? "" : answer;
        answerKey = answerKey == null ? "" : answerKey;
    }

    static QuizItem asked(String quizId, String itemId, ScopeQuestion q, Instant at) {
        return new QuizItem(itemId, q.questionId(), q.version(), q.outcomes(), q.commandWord(), q.maxMarks(),
                ItemStatus.AWAITING_ANSWER, quizId + ":" + itemId, "", "", at, null, null);
    }

    public Optional<MarkDetails> mark() {
        return Optional.ofNullable(markDetails);
    }

    public Optional<Instant> answered() {
        return Optional.ofNullable(answeredAt);
    }

    QuizItem answeredWith(String text, String key, Instant at) {
        return new QuizItem(itemId, questionId, questionVersion, outcomes, commandWord, maxMarks,
                ItemStatus.MARK_PENDING, answerId, text, key, askedAt, at, null);
    }

    QuizItem markedWith(MarkDetails details) {
        return new QuizItem(itemId, questionId, questionVersion, outcomes, commandWord, maxMarks, ItemStatus.MARKED,
                answerId, answer, answerKey, askedAt, answeredAt, details);
    }

    QuizItem unanswered() {
        return new QuizItem(itemId, questionId, questionVersion, outcomes, commandWord, maxMarks,
                ItemStatus.AWAITING_ANSWER, answerId, "", "", askedAt, null, null);
    }
}
