package org.markpoint.progress.security;

/** 403: the caller is known but may not do this (a learner naming another learner). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
