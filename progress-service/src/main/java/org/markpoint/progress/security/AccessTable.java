package org.markpoint.progress.security;

import static org.markpoint.model.security.Role.LEARNER;
import static org.markpoint.model.security.Role.LMS;
import static org.markpoint.model.security.Role.TUTOR;

import java.util.List;
import org.markpoint.model.security.AccessRule;
import org.markpoint.model.security.AccessRules;

/**
 * Who may call what in progress-service: the one place its authorisation is written (admin may call everything).
 * Learners take only their own quizzes (QuizController answers 404 for anyone else's) and read only their own
 * mastery and answers ({@code {learnerId}} must be them: 403); tutors see every learner and cohort of their tenant.
 */
public final class AccessTable {

    private static final String P = "/api/v1/progress";
    private static final String QUIZ = P + "/quizzes/{quizId}";
    private static final String COHORT = P + "/cohorts/{cohortId}";

    public static final AccessRules RULES = new AccessRules(List.of(
            AccessRule.of("POST", P + "/quizzes", LEARNER, TUTOR),
            AccessRule.of("GET", QUIZ, LEARNER, TUTOR),
            AccessRule.of("POST", QUIZ + "/next", LEARNER, TUTOR),
            AccessRule.of("POST", QUIZ + "/items/{itemId}/answer", LEARNER, TUTOR),
            AccessRule.owned("GET", P + "/learners/{learnerId}/mastery", "learnerId", LEARNER, TUTOR, LMS),
            AccessRule.owned("GET", P + "/learners/{learnerId}/answers", "learnerId", LEARNER, TUTOR, LMS),
            AccessRule.of("POST", P + "/cohorts", TUTOR),
            AccessRule.of("GET", P + "/cohorts", TUTOR),
            AccessRule.of("GET", COHORT, TUTOR),
            AccessRule.of("PUT", COHORT + "/learners", TUTOR),
            AccessRule.of("GET", COHORT + "/grid", TUTOR),
            AccessRule.of("GET", COHORT + "/outcomes", TUTOR),
            AccessRule.of("GET", COHORT + "/at-risk", TUTOR),
            AccessRule.of("GET", COHORT + "/questions", TUTOR),
            AccessRule.of("GET", COHORT + "/missed-points", TUTOR),
            AccessRule.of("GET", COHORT + "/misconceptions", TUTOR),
            AccessRule.of("GET", COHORT + "/trend", TUTOR),
            // LTI: refresh an LMS course's cohort roster from the LMS (NRPS)
            AccessRule.of("POST", "/api/v1/lti/cohorts/{cohortId}/roster-sync", TUTOR),
            // xAPI statements: tutors and the LMS read them (a learning-record store's view of the tenant)
            AccessRule.of("GET", "/api/v1/xapi/statements", TUTOR, LMS),
            AccessRule.of("GET", "/api/v1/admin/**"),
            AccessRule.of("POST", "/api/v1/admin/**"),
            AccessRule.of("PUT", "/api/v1/admin/**"),
            AccessRule.of("DELETE", "/api/v1/admin/**")));

    private AccessTable() {
    }
}
