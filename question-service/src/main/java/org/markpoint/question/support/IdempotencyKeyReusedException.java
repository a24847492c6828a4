package org.markpoint.question.support;

/** An {@code Idempotency-Key} sent again with a different request than the one it first came with: 422. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String message) {
        super(message);
    }
}
