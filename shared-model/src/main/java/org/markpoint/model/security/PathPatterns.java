package org.markpoint.model.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Matches the small path-pattern language of {@link AccessRule}: literals, {@code {name}} and a final {@code **}. */
final class PathPatterns {

    private PathPatterns() {
    }

    static Optional<Map<String, String>> match(String pattern, String path) {
        String[] want = split(pattern);
        String[] got = split(path);
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            String w = want[i];
            if (w.equals("**") && i == want.length - 1) {
                return Optional.of(vars);
            }
            if (i >= got.length || got[i].isEmpty()) {
                return Optional.empty();
            }
            if (w.startsWith("{") && w.endsWith("}")) {
                vars.put(w.substring(1, w.length() - 1), got[i]);
            } else if (!w.equals(got[i])) {
                return Optional.empty();
            }
        }
        return want.length == got.length ? Optional.of(vars) : Optional.empty();
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
