package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;

/**
 * Marks an answer against a scheme. Thread-safe; build once and share.
 * Walking-skeleton version: whole-word keyword coverage of each point's accepted phrasings.
 */
public final class MarkingEngine {

    public static MarkingEngine createDefault() {
        return new MarkingEngine();
    }

    public MarkResult mark(String answer, MarkingScheme scheme) {
        List<PointResult> points = new ArrayList<>();
        List<String> feedback = new ArrayList<>();
        int total = 0;
        for (MarkingPoint point : scheme.markingPoints()) {
            List<String> phrases = new ArrayList<>(point.accept());
            phrases.add(point.text());
            Evidence found = null;
            String matched = "";
            for (String phrase : phrases) {
                Matcher m = Pattern.compile("\\b" + Pattern.quote(phrase.toLowerCase(Locale.ROOT)) + "\\b")
                        .matcher(answer.toLowerCase(Locale.ROOT));
                if (m.find()) {
                    found = new Evidence(m.start(), m.end(), answer.substring(m.start(), m.end()));
                    matched = phrase;
                    break;
                }
            }
            if (found != null) {
                total += point.marks();
                points.add(new PointResult(point.id(), PointStatus.HIT, point.marks(), List.of(found), matched,
                        point.learningOutcome()));
            } else {
                points.add(new PointResult(point.id(), PointStatus.MISSED, 0, List.of(), "", point.learningOutcome()));
                feedback.add("You could also cover: " + point.text());
            }
        }
        int mark = Math.min(total, scheme.maxMarks());
        return new MarkResult(mark, scheme.maxMarks(), points,
                new CommandWordVerdict(scheme.commandWord(), true, "not judged yet"), List.of(), feedback, List.of(),
                0.5);
    }
}
