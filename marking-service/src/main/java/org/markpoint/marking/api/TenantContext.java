package org.markpoint.marking.api;

/** Until authentication lands every request belongs to the demo tenant; the security issue derives it from the credential. */
final class TenantContext {

    static final String DEFAULT_TENANT = "demo";

    private TenantContext() {
    }

    static String current() {
        return DEFAULT_TENANT;
    }
}
