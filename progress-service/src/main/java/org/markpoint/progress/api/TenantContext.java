package org.markpoint.progress.api;

import org.markpoint.progress.security.CurrentIdentity;

/** The tenant of the current request: the verified identity's, never a request parameter. */
public final class TenantContext {

    private TenantContext() {
    }

    public static String current() {
        return CurrentIdentity.get().tenant();
    }
}
