package org.markpoint.marking.api;

import org.markpoint.marking.security.CurrentIdentity;

/** The tenant of the current request: the verified identity's, never a request parameter. */
final class TenantContext {

    private TenantContext() {
    }

    static String current() {
        return CurrentIdentity.get().tenant();
    }
}
