package org.markpoint.marking.security;

import static org.markpoint.model.security.Role.AUTHOR;
import static org.markpoint.model.security.Role.LEARNER;
import static org.markpoint.model.security.Role.LMS;
import static org.markpoint.model.security.Role.TUTOR;

import java.util.List;
import org.markpoint.model.security.AccessRule;
import org.markpoint.model.security.AccessRules;

/**
 * Who may call what in marking-service: the one place its authorisation is written (admin may call everything).
 * Learners mark and read only their own answers (the controllers check whose a mark is); the dead-letter API spans
 * tenants, so only admins reach it.
 */
public final class AccessTable {

    private static final String M = "/api/v1/marking";

    public static final AccessRules RULES = new AccessRules(List.of(
            AccessRule.of("POST", M + "/mark", LEARNER, TUTOR, LMS),
            AccessRule.of("POST", M + "/preview", TUTOR, AUTHOR),
            AccessRule.of("GET", M + "/marks/{id}", LEARNER, TUTOR, LMS),
            AccessRule.of("POST", M + "/marks/{id}/appeal", LEARNER, TUTOR),
            AccessRule.of("POST", M + "/marks/{id}/appeals", LEARNER, TUTOR),
            AccessRule.of("POST", M + "/marks/{id}/override", TUTOR),
            AccessRule.of("POST", M + "/marks/{id}/accept", TUTOR),
            AccessRule.of("GET", M + "/review-queue", TUTOR),
            AccessRule.of("GET", M + "/agreement", TUTOR),
            AccessRule.of("POST", M + "/batches", TUTOR, LMS),
            AccessRule.of("GET", M + "/batches/{id}", TUTOR, LMS),
            AccessRule.of("GET", M + "/batches/{id}/results", TUTOR, LMS),
            AccessRule.of("POST", M + "/test-bench", TUTOR, AUTHOR),
            // webhooks are the LMS's (and the centre admin's): register, list, read, delete, delivery log
            AccessRule.of("POST", M + "/webhooks", LMS),
            AccessRule.of("GET", M + "/webhooks", LMS),
            AccessRule.of("GET", M + "/webhooks/{id}", LMS),
            AccessRule.of("DELETE", M + "/webhooks/{id}", LMS),
            AccessRule.of("GET", M + "/webhooks/{id}/deliveries", LMS),
            AccessRule.of("GET", "/api/v1/admin/**"),
            AccessRule.of("POST", "/api/v1/admin/**"),
            AccessRule.of("PUT", "/api/v1/admin/**"),
            AccessRule.of("DELETE", "/api/v1/admin/**"),
            AccessRule.of("GET", "/api/v1/internal/**")));

    private AccessTable() {
    }
}
