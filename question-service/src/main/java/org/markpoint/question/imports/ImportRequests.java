package org.markpoint.question.imports;

import org.markpoint.question.support.InvalidRequestException;
import org.markpoint.question.support.PayloadTooLargeException;

/** Checks on an import upload before anything is parsed. */
public final class ImportRequests {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_KEY_LENGTH = 200;

    private ImportRequests() {
    }

    public static ImportFormat format(String name) {
        return ImportFormat.parse(name).orElseThrow(() -> new InvalidRequestException("format",
                "unknown format '" + name + "'; use seed, moodle or qti"));
    }

    /**
     * A file name for reports only: a name that climbs directories ({@code ..}) is refused as path traversal, any
     * other directory part (what some browsers send) is dropped, so a name can never point anywhere.
     */
    public static String sourceName(String source) {
        String name = source.replace('\\', '/');
        if (java.util.Arrays.asList(name.split("/", -1)).contains("..")) {
            throw new InvalidRequestException("source", "a file name may not contain '..' (path traversal)");
        }
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_");
        if (name.isBlank() || name.equals(".") || name.equals("..") || name.length() > 200) {
            throw new InvalidRequestException("source", "give a plain file name (at most 200 characters)");
        }
        return name;
    }

    /** The optional {@code Idempotency-Key}: blank means none. */
    public static String idempotencyKey(String key) {
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidRequestException("Idempotency-Key", "at most " + MAX_KEY_LENGTH + " characters");
        }
        return key.strip();
    }

    public static byte[] checkSize(byte[] content) {
        if (content.length == 0) {
            throw new InvalidRequestException("body", "the file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new PayloadTooLargeException("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        return content;
    }
}
