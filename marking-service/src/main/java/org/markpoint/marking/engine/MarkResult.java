package org.markpoint.marking.engine;

import java.util.List;

/** The engine's verdict on one answer; every mark is traceable to evidence in {@link #points()}. */
public record MarkResult(int mark, int maxMarks, List<PointResult> points, CommandWordVerdict commandWord,
                         List<MisconceptionFound> misconceptions, List<String> feedback, List<String> flags,
                         double confidence) {

    public MarkResult {
        points = List.copyOf(points);
        misconceptions = List.copyOf(misconceptions);
        feedback = List.copyOf(feedback);
        flags = List.copyOf(flags);
    }
}
