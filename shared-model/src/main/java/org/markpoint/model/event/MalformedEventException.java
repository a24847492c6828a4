package org.markpoint.model.event;

/** A record on a topic that is not a valid event: it belongs on the dead-letter topic, with this message as reason. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}
