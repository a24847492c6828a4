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

    /** {@code lti-<registration hash>-<sub>} (the sub hashed if it has unusual characters or is long). */
    static String userId(LtiRegistration reg, String subject) {
        String who = subject.matches(SAFE) ? subject : hash(subject).substring(0, 24);
        return "lti-" + hash(reg.id()).substring(0, 8) + "-" + who;
    }

    /** The cohort a course becomes: one per registration and context id. */
    static String cohortId(LtiRegistration reg, String contextId) {
        return "lti-" + hash(reg.id() + "|" + contextId).substring(0, 16);
    }

    /** The key of a resource link (a placement of Markpoint in a course): its quizzes are found by it. */
    static String resourceLinkKey(LtiRegistration reg, String deploymentId, String resourceLinkId) {
        return reg.id() + "|" + deploymentId + "|" + resourceLinkId;
    }

    /**
     * LTI roles (full URIs of the membership, institution and system vocabularies, or the deprecated short names)
     * to Markpoint roles: instructors, teaching assistants, mentors and administrators tutor; content developers
     * also author; learners learn. Unknown roles grant nothing.
     */
    static Set<Role> roles(List<String> ltiRoles) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : ltiRoles) {
            String name = r.substring(Math.max(r.lastIndexOf('#'), r.lastIndexOf('/')) + 1);
            switch (name) {
                case "Instructor", "TeachingAssistant", "Mentor", "Administrator", "Faculty" -> roles.add(Role.TUTOR);
                case "ContentDeveloper" -> {
                    roles.add(Role.TUTOR);
                    roles.add(Role.AUTHOR);
                }
                case "Learner", "Student" -> roles.add(Role.LEARNER);
                default -> {
                    // Member, Guest, Observer...: nothing in Markpoint
                }
            }
        }
        return roles;
    }

    static boolean isStaff(Set<Role> roles) {
        return roles.contains(Role.TUTOR) || roles.contains(Role.AUTHOR);
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
