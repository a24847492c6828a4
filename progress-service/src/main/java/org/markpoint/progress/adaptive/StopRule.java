package org.markpoint.progress.adaptive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markpoint.progress.mastery.MasteryEstimate;

/**
 * When a quiz ends: every outcome in scope is mastered (P(known) >= {@code masteredAt}) or clearly not
 * (P(known) <= {@code notMasteredAt} after at least {@code minEvidence} answers), or the item limit is reached.
 * The evidence floor stops a single unlucky slip from writing an outcome off.
 */
public record StopRule(double masteredAt, double notMasteredAt, int minEvidence, int maxItems) {

    public enum Reason { ALL_CLASSIFIED, ITEM_LIMIT, CONTINUE }

    /** Whether to stop, why, and the verdict per outcome (in scope order). */
    public record Decision(boolean stop, Reason reason, Map<String, OutcomeVerdict> verdicts) {
    }

    public StopRule {
        if (!(0 < notMasteredAt && notMasteredAt < masteredAt && masteredAt <= 1)) {
            throw new IllegalArgumentException("need 0 < notMasteredAt < masteredAt <= 1");
        }
        if (minEvidence < 0 || maxItems < 1) {
            throw new IllegalArgumentException("minEvidence must be >= 0 and maxItems >= 1");
        }
    }

    /** The defaults: mastered at 0.95; with BKT's learn rate the floor sits above it, hence 0.25. */
    public static StopRule defaults(int maxItems) {
        return new StopRule(0.95, 0.25, 3, maxItems);
    }

    public OutcomeVerdict verdict(MasteryEstimate estimate) {
        if (estimate.pKnown() >= masteredAt) {
            return OutcomeVerdict.MASTERED;
        }
        if (estimate.pKnown() <= notMasteredAt && estimate.evidence() >= minEvidence) {
            return OutcomeVerdict.NOT_MASTERED;
        }
        return OutcomeVerdict.UNDECIDED;
    }

    public Decision decide(List<OutcomeState> outcomes, int itemsAnswered) {
        Map<String, OutcomeVerdict> verdicts = new LinkedHashMap<>();
        boolean allClassified = true;
        for (OutcomeState o : outcomes) {
            OutcomeVerdict v = verdict(o.estimate());
            verdicts.put(o.outcomeId(), v);
            allClassified &= v != OutcomeVerdict.UNDECIDED;
        }
        if (allClassified) {
            return new Decision(true, Reason.ALL_CLASSIFIED, verdicts);
        }
        if (itemsAnswered >= maxItems) {
            return new Decision(true, Reason.ITEM_LIMIT, verdicts);
        }
        return new Decision(false, Reason.CONTINUE, verdicts);
    }
}
