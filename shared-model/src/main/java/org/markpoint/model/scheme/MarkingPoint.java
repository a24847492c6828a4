package org.markpoint.model.scheme;

import java.util.List;

/**
 * One examiner marking point: the concept in the examiner's words, the phrasings that earn it,
 * the phrasings that must not, the marks it is worth and the learning outcome it evidences.
 */
public record MarkingPoint(String id, String text, List<String> accept, List<String> reject, int marks,
                           String learningOutcome) {

    public MarkingPoint {
        accept = accept == null ? List.of() : List.copyOf(accept);
        reject = reject == null ? List.of() : List.copyOf(reject);
        learningOutcome = learningOutcome == null ? "" : learningOutcome;
        if (marks <= 0) {
            marks = 1;
        }
    }

    public static MarkingPoint of(String id, String text, String... accept) {
        return new MarkingPoint(id, text, List.of(accept), List.of(), 1, "");
    }
}
