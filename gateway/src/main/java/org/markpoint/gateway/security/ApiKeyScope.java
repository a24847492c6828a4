package org.markpoint.gateway.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;

/** What an LMS API key may call, on top of the lms role the services check. */
public enum ApiKeyScope {
    /** Marking API: mark, batches, marks and results. */
    MARKING("marking"),
    /** Read learners' mastery and progress. */
    MASTERY_READ("mastery:read"),
    /** Read the question bank (units, questions). */
    BANK_READ("bank:read");

    private final String wireName;

    ApiKeyScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ApiKeyScope> of(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(ApiKeyScope::wireName).collect(Collectors.joining(", "));
    }

    /** Whether a key with these scopes may make this call. */
    public static boolean allows(Set<String> scopes, HttpMethod method, String path) {
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        if (path.startsWith("/api/v1/marking/")) {
            return scopes.contains(MARKING.wireName);
        }
        if (path.startsWith("/api/v1/progress/")) {
            return read && scopes.contains(MASTERY_READ.wireName);
        }
        if (path.startsWith("/api/v1/questions") || path.startsWith("/api/v1/units")) {
            return read && scopes.contains(BANK_READ.wireName);
        }
        return false;
    }
}
