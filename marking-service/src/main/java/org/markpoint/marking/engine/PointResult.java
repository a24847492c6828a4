package org.markpoint.marking.engine;

import java.util.List;

/** How one marking point fared: its status, the marks it earned, where in the answer and by which phrase. */
public record PointResult(String id, PointStatus status, int marks, List<Evidence> evidence, String matched,
                          String learningOutcome) {

    public PointResult {
        evidence = List.copyOf(evidence);
        matched = matched == null ? "" : matched;
        learningOutcome = learningOutcome == null ? "" : learningOutcome;
    }
}
