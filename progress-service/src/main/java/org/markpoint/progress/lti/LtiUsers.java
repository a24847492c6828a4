package org.markpoint.progress.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.markpoint.model.security.Role;

/**
 * How LMS people and courses become Markpoint ones: a user's id is stable per platform registration (the same LMS
 * user is the same learner on every launch), a course is a cohort, and LTI roles map to Markpoint roles.
 */
final class LtiUsers {

    private static final String SAFE = "[A-Za-z0-9._-]{1,100}";

    private LtiUsers() {
    }

    /**
     * {@code lti-<issuer hash>-<sub>} (the sub hashed if it has unusual characters or is long). LTI's {@code sub} is
     * unique within its issuer, so the same person stays the same learner if the platform is registered again.
     */
    static String userId(LtiRegistration reg, String subject) {
        String who = subject.matches(SAFE) ? subject : hash(subject).substring(0, 24);
        return "lti-" + hash(reg.issuer()).substring(0, 8) + "-" + who;
    }

    /** The cohort a course becomes: one per platform (issuer) and context id. */
    static String cohortId(LtiRegistration reg, String contextId) {
        return "lti-" + hash(reg.issuer() + "|" + contextId).substring(0, 16);
    }

    /** The key of a resource link (a placement of Markpoint in a course): its quizzes are found by it. */
    static String resourceLinkKey(LtiRegistration reg, String deploymentId, String resourceLinkId) {
        return reg.id() + "|" + deploymentId + "|" + resourceLinkId;
    }

    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    private static final Set<String> TEACHING = Set.of(MEMBERSHIP + "Instructor", MEMBERSHIP + "ContentDeveloper",
            MEMBERSHIP + "Administrator", "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
            "Instructor", "ContentDeveloper", "TeachingAssistant");
    private static final Set<String> LEARNING = Set.of(MEMBERSHIP + "Learner",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#Learner", "Learner");

    /**
     * LTI roles to Markpoint roles, from the <em>course</em> (context membership) roles only: instructors, teaching
     * assistants, content developers and course administrators tutor; learners learn. Institution and system roles
     * (which a platform such as Canvas sends for every course a person is in) and mentors/observers (parents) grant
     * nothing: a tutor token sees the whole tenant.
     */
    static Set<Role> roles(List<String> ltiRoles) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : ltiRoles) {
            String role = r.strip();
            if (TEACHING.contains(role)) {
                roles.add(Role.TUTOR);
            } else if (LEARNING.contains(role)) {
                roles.add(Role.LEARNER);
            }
        }
        return roles;
    }

    static boolean isStaff(Set<Role> roles) {
        return roles.contains(Role.TUTOR);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
