package org.markpoint.question.support;

/** The request body is over a size limit: answered as 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
