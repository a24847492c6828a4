package org.markpoint.marking.marks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.markpoint.marking.engine.MarkResult;
import org.markpoint.marking.engine.PointResult;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;

/**
 * Splits a mark across the learning outcomes it evidences: each marking point counts toward its own outcome, or, when
 * it names none, toward every outcome the question targets. Mastery tracing reads the fractions as partial credit.
 */
public final class OutcomeSplit {

    private OutcomeSplit() {
    }

    public static List<OutcomeEvidence> of(MarkResult result, MarkingScheme scheme, List<String> questionOutcomes) {
        Map<String, Integer> available = scheme.markingPoints().stream()
                .collect(Collectors.toMap(MarkingPoint::id, MarkingPoint::marks, (a, b) -> a));
        Set<String> outcomes = new LinkedHashSet<>(questionOutcomes);
        result.points().stream().map(PointResult::learningOutcome).filter(lo -> !lo.isBlank()).forEach(outcomes::add);
        List<OutcomeEvidence> out = new ArrayList<>();
        for (String outcome : outcomes) {
            double awarded = 0;
            double possible = 0;
            for (PointResult p : result.points()) {
                boolean counts = p.learningOutcome().isBlank() ? questionOutcomes.contains(outcome)
                        : p.learningOutcome().equals(outcome);
                if (counts) {
                    awarded += p.marks();
                    possible += available.getOrDefault(p.id(), Math.max(1, p.marks()));
                }
            }
            if (possible == 0) {
                // no point speaks for this outcome (e.g. a model-answer-only scheme): the whole mark does
                awarded = result.mark();
                possible = result.maxMarks();
            }
            out.add(new OutcomeEvidence(outcome, Math.min(awarded, possible), possible));
        }
        return out;
    }
}
