package org.markpoint.infra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The few {@code --name value} options the dev-stack mains take. */
record StackOptions(Map<String, String> values) {

    static StackOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                values.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
        }
        return new StackOptions(Map.copyOf(values));
    }

    int port(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number, got: " + value);
        }
    }

    Path path(String name, String fallback) {
        return Path.of(values.getOrDefault(name, fallback)).toAbsolutePath().normalize();
    }
}
