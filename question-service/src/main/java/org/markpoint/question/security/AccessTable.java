package org.markpoint.question.security;

import static org.markpoint.model.security.Role.AUTHOR;
import static org.markpoint.model.security.Role.LEARNER;
import static org.markpoint.model.security.Role.LMS;
import static org.markpoint.model.security.Role.TUTOR;

import java.util.List;
import org.markpoint.model.security.AccessRule;
import org.markpoint.model.security.AccessRules;

/**
 * Who may call what in question-service: the one place its authorisation is written (admin may call everything).
 * Learners read the published bank without marking schemes' answers (see QuestionView); authors write it.
 */
public final class AccessTable {

    private static final String Q = "/api/v1/questions";
    private static final String U = "/api/v1/units";

    public static final AccessRules RULES = new AccessRules(List.of(
            AccessRule.of("GET", Q, LEARNER, TUTOR, AUTHOR, LMS),
            AccessRule.of("GET", Q + "/{id}", LEARNER, TUTOR, AUTHOR, LMS),
            AccessRule.of("GET", Q + "/{id}/versions", TUTOR, AUTHOR, LMS),
            AccessRule.of("GET", Q + "/{id}/versions/{number}", TUTOR, AUTHOR, LMS),
            AccessRule.of("POST", Q, AUTHOR),
            AccessRule.of("PUT", Q + "/{id}", AUTHOR),
            AccessRule.of("POST", Q + "/{id}/publish", AUTHOR),
            AccessRule.of("POST", Q + "/{id}/retire", AUTHOR),
            AccessRule.of("GET", U, LEARNER, TUTOR, AUTHOR, LMS),
            AccessRule.of("GET", U + "/{id}", LEARNER, TUTOR, AUTHOR, LMS),
            AccessRule.of("GET", U + "/{id}/outcomes/{outcomeId}", LEARNER, TUTOR, AUTHOR, LMS),
            AccessRule.of("POST", U, AUTHOR),
            AccessRule.of("PUT", U + "/{id}", AUTHOR),
            AccessRule.of("POST", U + "/{id}/outcomes", AUTHOR),
            AccessRule.of("PUT", U + "/{id}/outcomes/{outcomeId}", AUTHOR),
            AccessRule.of("POST", "/api/v1/imports", AUTHOR),
            AccessRule.of("GET", "/api/v1/imports/{id}", AUTHOR),
            AccessRule.of("GET", "/api/v1/admin/**"),
            AccessRule.of("POST", "/api/v1/admin/**"),
            AccessRule.of("PUT", "/api/v1/admin/**"),
            AccessRule.of("DELETE", "/api/v1/admin/**"),
            AccessRule.of("GET", "/api/v1/internal/**")));

    private AccessTable() {
    }
}
