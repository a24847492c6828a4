package org.markpoint.marking.support;

/** Something this service depends on (the broker, the database) is not answering: answered as 503. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
