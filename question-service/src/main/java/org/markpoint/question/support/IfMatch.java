package org.markpoint.question.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code If-Match} header: the revisions the client last saw (our ETags are {@code "<revision>"}), or
 * {@code *} for "whatever is there now". Missing is refused with 428, so an edit is never made blind.
 */
public record IfMatch(List<Long> revisions, boolean any) {

    /** For the bank's own writes (imports): conditional on the revision it just read. */
    public static final IfMatch CURRENT = new IfMatch(List.of(), true);

    public IfMatch {
        revisions = List.copyOf(revisions);
    }

    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /** Parses the header; an entry that is not one of our ETags (a weak or foreign tag) can never match. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException();
        }
        if (header.strip().equals("*")) {
            return CURRENT;
        }
        List<Long> revisions = new ArrayList<>();
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.length() > 2 && t.length() < 22 && t.startsWith("\"") && t.endsWith("\"")
                    && t.substring(1, t.length() - 1).chars().allMatch(Character::isDigit)) {
                revisions.add(Long.parseLong(t.substring(1, t.length() - 1)));
            }
        }
        return new IfMatch(revisions, false);
    }

    public boolean matches(long revision) {
        return any || revisions.contains(revision);
    }

    /** Throws 412 naming the current ETag unless this matches it. */
    public void check(String what, long current) {
        if (!matches(current)) {
            throw new PreconditionFailedException(what, current);
        }
    }
}
