package org.markpoint.question.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.markpoint.model.scheme.CommandWord;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.model.scheme.SchemeValidation;

/**
 * The bank's rules for a marking scheme, shared by authoring and every importer. Refused: what cannot be marked
 * (see {@link #violations}). Taken with a warning: marks that do not add up, because an author may mean it (points
 * worth less than the maximum leave room for judgement; worth more, the mark is capped at the maximum).
 */
public final class SchemeChecks {

    /** A scheme after the checks: point marks capped at the maximum, and what the author should look at. */
    public record Checked(MarkingScheme scheme, List<SchemeWarning> warnings) {

        public Checked {
            warnings = List.copyOf(warnings);
        }
    }

    private SchemeChecks() {
    }

    /**
     * What makes a scheme unusable for a bank question: the engine's own rules, plus at least one marking point and
     * a command word (a bank question always names what it asks the learner to do).
     */
    public static List<SchemeValidation.Violation> violations(MarkingScheme scheme, String path) {
        List<SchemeValidation.Violation> out = new ArrayList<>(SchemeValidation.validate(scheme, path));
        if (scheme == null) {
            return out;
        }
        boolean pointsReported = out.stream().anyMatch(v -> v.field().equals(path + ".markingPoints"));
        if (scheme.markingPoints().isEmpty() && !pointsReported) {
            out.add(new SchemeValidation.Violation(path + ".markingPoints",
                    "a question needs at least one marking point"));
        }
        if (scheme.commandWord().isBlank()) {
            out.add(new SchemeValidation.Violation(path + ".commandWord", "is required; one of "
                    + java.util.Arrays.stream(CommandWord.values()).map(CommandWord::wireName)
                    .collect(Collectors.joining(", "))));
        }
        // a point worth more than the maximum is capped by marks(), not refused
        out.removeIf(v -> v.field().startsWith(path + ".markingPoints[") && v.field().endsWith(".marks"));
        return out;
    }

    /** Caps each point at the maximum and flags point totals above or below it. */
    public static Checked marks(MarkingScheme scheme, String path) {
        int max = scheme.maxMarks();
        int total = scheme.pointMarksTotal();
        List<SchemeWarning> warnings = new ArrayList<>();
        if (max < 1 || scheme.markingPoints().isEmpty()) {
            return new Checked(scheme, warnings);
        }
        if (total > max) {
            warnings.add(new SchemeWarning(path + ".markingPoints", "marking points are worth " + total
                    + ", more than the " + max + " available; the mark is capped at " + max));
        } else if (total < max) {
            warnings.add(new SchemeWarning(path + ".markingPoints", "marking points are worth " + total
                    + ", less than the " + max + " available, and there are no levels"));
        }
        List<MarkingPoint> points = new ArrayList<>();
        for (int i = 0; i < scheme.markingPoints().size(); i++) {
            MarkingPoint p = scheme.markingPoints().get(i);
            if (p.marks() > max) {
                warnings.add(new SchemeWarning(path + ".markingPoints[" + i + "].marks", "worth " + p.marks()
                        + ", more than the " + max + " available; capped at " + max));
                p = new MarkingPoint(p.id(), p.text(), p.accept(), p.reject(), max, p.learningOutcome());
            }
            points.add(p);
        }
        MarkingScheme capped = new MarkingScheme(scheme.stem(), scheme.commandWord(), max, scheme.modelAnswer(),
                points, scheme.misconceptions(), scheme.glossary());
        return new Checked(capped, warnings);
    }
}
