package org.markpoint.progress.support;

/** A named resource does not exist (or is not visible to the caller): answered as 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' was not found");
    }
}
