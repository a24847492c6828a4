package org.markpoint.marking.support;

/** The request is over a size limit (too many items, too many rows): answered as 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
