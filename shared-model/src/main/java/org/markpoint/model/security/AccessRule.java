package org.markpoint.model.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One line of a service's access table: requests with this HTTP method whose path matches {@code pattern} may be
 * made by these roles. {@link Role#ADMIN} is always among them (a centre admin may do everything in the tenant).
 * A pattern is {@code /}-separated: a literal segment, {@code {name}} for any one segment (captured), or a final
 * {@code **} for any rest. When {@code ownerVariable} names a captured segment, a caller allowed only as a learner
 * must be that learner ({@code {learnerId}} equal to their subject).
 *
 * @param method        upper-case HTTP method
 * @param pattern       path pattern, e.g. {@code /api/v1/progress/learners/{learnerId}/mastery}
 * @param roles         who may call it (admin added)
 * @param ownerVariable a path variable holding the learner the request is about, or empty
 */
public record AccessRule(String method, String pattern, Set<Role> roles, String ownerVariable) {

    public AccessRule {
        method = method.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(pattern, "pattern");
        EnumSet<Role> all = EnumSet.of(Role.ADMIN);
        all.addAll(roles);
        roles = Set.copyOf(all);
        ownerVariable = ownerVariable == null ? "" : ownerVariable;
    }

    public static AccessRule of(String method, String pattern, Role... roles) {
        return new AccessRule(method, pattern, Set.of(roles), "");
    }

    /** A rule about one learner's data, named by the path variable {@code ownerVariable}. */
    public static AccessRule owned(String method, String pattern, String ownerVariable, Role... roles) {
        return new AccessRule(method, pattern, Set.of(roles), ownerVariable);
    }

    /** The captured path variables when {@code method} and {@code path} match this rule. */
    public Optional<Map<String, String>> match(String requestMethod, String path) {
        // HEAD is a GET without the body (Spring MVC serves it from the GET mapping)
        boolean head = method.equals("GET") && "HEAD".equalsIgnoreCase(requestMethod);
        if (!method.equalsIgnoreCase(requestMethod) && !head) {
            return Optional.empty();
        }
        return PathPatterns.match(pattern, path);
    }

    /** The roles in the table, sorted by their wire names, as a 403 names them. */
    public List<String> roleNames() {
        return roles.stream().map(Role::wireName).sorted().toList();
    }
}
