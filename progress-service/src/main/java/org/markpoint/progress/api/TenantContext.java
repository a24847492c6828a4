package org.markpoint.progress.api;

/** Until authentication lands every request belongs to the demo tenant; the security issue derives it from the credential. */
public final class TenantContext {

    public static final String DEFAULT_TENANT = "demo";

    private TenantContext() {
    }

    public static String current() {
        return DEFAULT_TENANT;
    }
}
