package org.markpoint.marking.marks;

/**
 * An answer that can never be marked here (its question is unknown or retired). An {@link IllegalArgumentException}
 * so the listener error policy sends it straight to the dead-letter topic: retrying would not change the answer.
 */
public class UnmarkableAnswerException extends IllegalArgumentException {

    public UnmarkableAnswerException(String message) {
        super(message);
    }
}
