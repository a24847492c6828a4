package org.markpoint.model.scheme;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a marking scheme usable, shared by the bank (authoring) and the engine (inline schemes), so both
 * reject the same schemes with the same field paths.
 */
public final class SchemeValidation {

    public static final int MAX_MARKS_LIMIT = 100;
    public static final int MAX_POINTS = 50;

    /** One broken rule, with the JSON path of the field that broke it. */
    public record Violation(String field, String message) {
    }

    private SchemeValidation() {
    }

    public static List<Violation> validate(MarkingScheme scheme, String path) {
        List<Violation> out = new ArrayList<>();
        if (scheme == null) {
            out.add(new Violation(path, "is required"));
            return out;
        }
        if (!scheme.commandWord().isBlank() && CommandWord.parse(scheme.commandWord()).isEmpty()) {
            out.add(new Violation(path + ".commandWord", "unknown command word '" + scheme.commandWord() + "'"));
        }
        if (scheme.maxMarks() < 1 || scheme.maxMarks() > MAX_MARKS_LIMIT) {
            out.add(new Violation(path + ".maxMarks", "must be between 1 and " + MAX_MARKS_LIMIT));
        }
        if (scheme.markingPoints().isEmpty() && scheme.modelAnswer().isBlank()) {
            out.add(new Violation(path + ".markingPoints", "give at least one marking point or a model answer"));
        }
        if (scheme.markingPoints().size() > MAX_POINTS) {
            out.add(new Violation(path + ".markingPoints", "at most " + MAX_POINTS + " marking points"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < scheme.markingPoints().size(); i++) {
            MarkingPoint p = scheme.markingPoints().get(i);
            String at = path + ".markingPoints[" + i + "]";
            if (p == null) {
                out.add(new Violation(at, "must not be null"));
                continue;
            }
            if (p.id() == null || p.id().isBlank()) {
                out.add(new Violation(at + ".id", "is required"));
            } else if (!ids.add(p.id())) {
                out.add(new Violation(at + ".id", "duplicate marking point id '" + p.id() + "'"));
            }
            if (p.text() == null || p.text().isBlank()) {
                out.add(new Violation(at + ".text", "is required"));
            }
            if (p.marks() > scheme.maxMarks() && scheme.maxMarks() >= 1) {
                out.add(new Violation(at + ".marks", "is more than maxMarks"));
            }
        }
        for (int i = 0; i < scheme.misconceptions().size(); i++) {
            Misconception m = scheme.misconceptions().get(i);
            String at = path + ".misconceptions[" + i + "]";
            if (m == null || m.pattern() == null || m.pattern().isBlank()) {
                out.add(new Violation(at + ".pattern", "is required"));
            }
        }
        return out;
    }
}
