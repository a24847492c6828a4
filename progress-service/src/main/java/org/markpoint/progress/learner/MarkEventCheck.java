package org.markpoint.progress.learner;

import java.util.List;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.MarkEvent;
import org.markpoint.model.event.MarkOverridden;
import org.markpoint.model.event.OutcomeEvidence;

/** Rejects mark events whose numbers cannot be evidence: a mark outside 0..maxMarks, outcome marks out of range. */
public final class MarkEventCheck {

    private MarkEventCheck() {
    }

    public static void requireValid(MarkEvent event) {
        switch (event) {
            case AnswerMarked e -> {
                requireId(e, "markId", e.markId());
                requireId(e, "learnerId", e.learnerId());
                requireMark(e, "mark", e.mark(), e.maxMarks());
                requireOutcomes(e, e.outcomes());
            }
            case MarkOverridden e -> {
                requireId(e, "markId", e.markId());
                requireId(e, "learnerId", e.learnerId());
                requireMark(e, "newMark", e.newMark(), e.maxMarks());
                requireOutcomes(e, e.outcomes());
            }
        }
    }

    private static void requireId(MarkEvent e, String field, String value) {
        if (value == null || value.isBlank()) {
            throw rejected(e, field + " is blank");
        }
    }

    private static void requireMark(MarkEvent e, String field, int mark, int maxMarks) {
        if (maxMarks <= 0) {
            throw rejected(e, "maxMarks must be positive, was " + maxMarks);
        }
        if (mark < 0 || mark > maxMarks) {
            throw rejected(e, "%s %d is out of range 0..%d".formatted(field, mark, maxMarks));
        }
    }

    private static void requireOutcomes(MarkEvent e, List<OutcomeEvidence> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            OutcomeEvidence o = outcomes.get(i);
            if (o.outcomeId() == null || o.outcomeId().isBlank()) {
                throw rejected(e, "outcomes[%d].outcomeId is blank".formatted(i));
            }
            if (!(o.marksAvailable() > 0)) {
                throw rejected(e, "outcomes[%d].marksAvailable must be positive, was %s".formatted(i,
                        o.marksAvailable()));
            }
            if (!(o.marksAwarded() >= 0 && o.marksAwarded() <= o.marksAvailable())) {
                throw rejected(e, "outcomes[%d].marksAwarded %s is out of range 0..%s".formatted(i, o.marksAwarded(),
                        o.marksAvailable()));
            }
        }
    }

    private static RejectedEventException rejected(MarkEvent e, String reason) {
        String markId = switch (e) {
            case AnswerMarked m -> m.markId();
            case MarkOverridden m -> m.markId();
        };
        return new RejectedEventException("%s for mark '%s' rejected: %s".formatted(e.getClass().getSimpleName(),
                markId, reason));
    }
}
