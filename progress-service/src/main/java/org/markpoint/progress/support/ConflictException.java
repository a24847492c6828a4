package org.markpoint.progress.support;

/** The request clashes with the current state (an id already taken, a stale version): answered as 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
