package org.markpoint.progress.lti;

/** A login or launch Markpoint refuses: the page shows {@code reason}, and the status goes back to the browser. */
final class LaunchRejected extends RuntimeException {

    private final int status;

    LaunchRejected(int status, String reason) {
        super(reason);
        this.status = status;
    }

    int status() {
        return status;
    }
}
