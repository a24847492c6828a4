package org.markpoint.model.security;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do. People are learners, tutors, authors or centre admins; an LMS is a machine client. */
public enum Role {
    LEARNER, TUTOR, AUTHOR, ADMIN, LMS;

    /** The lower-case name used in tokens, headers and configuration ({@code tutor}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code tutor}, {@code TUTOR} or {@code ROLE_TUTOR}; anything else is empty. */
    public static Optional<Role> ofWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("ROLE_")) {
            n = n.substring("ROLE_".length());
        }
        for (Role r : values()) {
            if (r.name().equals(n)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
