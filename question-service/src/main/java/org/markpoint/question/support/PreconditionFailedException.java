package org.markpoint.question.support;

/** The client's {@code If-Match} names a revision that is no longer current: answered as 412 with the current ETag. */
public class PreconditionFailedException extends RuntimeException {

    private final long currentRevision;

    public PreconditionFailedException(String what, long currentRevision) {
        super(what + " was changed by someone else since you read it (it is now at ETag "
                + IfMatch.etag(currentRevision) + "); GET it again, reapply your change and send the new ETag");
        this.currentRevision = currentRevision;
    }

    public String currentEtag() {
        return IfMatch.etag(currentRevision);
    }
}
