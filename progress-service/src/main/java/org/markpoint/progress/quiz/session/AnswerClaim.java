package org.markpoint.progress.quiz.session;

/** What answering an item did: took the answer (the item now waits for its mark), or recognised a retry. */
public sealed interface AnswerClaim {

    /** The answer was taken; {@code quiz} holds it, marking is owed. */
    record Accepted(QuizSession quiz, QuizItem item) implements AnswerClaim {
    }

    /** The same answer again (same Idempotency-Key): nothing changes, the item's current state is the answer. */
    record Repeat(QuizItem item) implements AnswerClaim {
    }
}
