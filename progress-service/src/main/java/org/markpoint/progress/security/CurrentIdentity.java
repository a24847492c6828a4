package org.markpoint.progress.security;

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

    /**
     * The learner a request acts for. A caller let in only as a learner acts for themselves: naming nobody means
     * them, naming someone else is refused with 403. Anyone else acts for whom they name (blank: nobody).
     */
    public static String learnerFor(String requested) {
        String named = requested == null ? "" : requested.strip();
        if (!asLearnerOnly()) {
            return named;
        }
        String subject = get().subject();
        if (!named.isEmpty() && !named.equals(subject)) {
            throw new ForbiddenException("a learner may only act as themselves (learnerId '" + subject + "')");
        }
        return subject;
    }

    /** Whether the caller may see something that belongs to {@code learnerId} (else answer 404, as if absent). */
    public static boolean maySee(String learnerId) {
        return !asLearnerOnly() || get().subject().equals(learnerId);
    }

    private static RequestAttributes attributes() {
        RequestAttributes a = RequestContextHolder.getRequestAttributes();
        if (a == null) {
            throw new IllegalStateException("no verified identity: not inside an /api request");
        }
        return a;
    }
}
