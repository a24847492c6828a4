package org.markpoint.question.support;

/** An edit sent without {@code If-Match}: answered as 428, so nobody overwrites a version they never saw. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("send If-Match with the ETag from your last GET, so you never overwrite a change you have not seen");
    }
}
