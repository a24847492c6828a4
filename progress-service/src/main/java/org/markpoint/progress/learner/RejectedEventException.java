package org.markpoint.progress.learner;

/**
 * A mark event that must not touch mastery (an out-of-range mark, a mark for a retired question). It is an
 * {@link IllegalArgumentException}, so the listener's error handler dead-letters it at once with this message.
 */
public class RejectedEventException extends IllegalArgumentException {

    public RejectedEventException(String message) {
        super(message);
    }
}
