package org.markpoint.model.event;

/** An answer waits for marking (the asynchronous path). {@code quizId} is empty outside a quiz. */
public record AnswerSubmitted(String answerId, String learnerId, String questionId, String answer, String quizId)
        implements AnswerEvent {

    public AnswerSubmitted {
        quizId = quizId == null ? "" : quizId;
    }
}
