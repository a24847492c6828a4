package org.markpoint.question.security;

import org.markpoint.model.security.Identity;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who the current request is: the identity the gateway signed, verified by {@link IdentityFilter}. Request-scoped
 * (held in the request's attributes), so it exists only while an {@code /api/**} request is being served.
 */
public final class CurrentIdentity {

    static final String ATTRIBUTE = CurrentIdentity.class.getName();
    static final String LEARNER_ONLY = ATTRIBUTE + ".learnerOnly";

    private CurrentIdentity() {
    }

    /** The caller; {@link IllegalStateException} outside an authenticated request (a bug, never a client error). */
    public static Identity get() {
        Object who = attributes().getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (!(who instanceof Identity identity)) {
            throw new IllegalStateException("no verified identity: not inside an /api request");
        }
        return identity;
    }

    /** True when the access rule let the caller in only as a learner: they may see only their own things. */
    public static boolean asLearnerOnly() {
        return Boolean.TRUE.equals(attributes().getAttribute(LEARNER_ONLY, RequestAttributes.SCOPE_REQUEST));
    }

    private static RequestAttributes attributes() {
        RequestAttributes a = RequestContextHolder.getRequestAttributes();
        if (a == null) {
            throw new IllegalStateException("no verified identity: not inside an /api request");
        }
        return a;
    }
}
