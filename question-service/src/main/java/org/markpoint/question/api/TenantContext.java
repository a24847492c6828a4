package org.markpoint.question.api;

import org.markpoint.question.security.CurrentIdentity;

/** The tenant of the current request: the verified identity's, never a request parameter. */
final class TenantContext {

    private TenantContext() {
    }

    static String current() {
        return CurrentIdentity.get().tenant();
    }
}
