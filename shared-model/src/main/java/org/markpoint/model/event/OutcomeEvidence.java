package org.markpoint.model.event;

/** The marks one answer earned toward one learning outcome, out of the marks it could have earned there. */
public record OutcomeEvidence(String outcomeId, double marksAwarded, double marksAvailable) {

    public double fraction() {
        return marksAvailable <= 0 ? 0 : Math.max(0, Math.min(1, marksAwarded / marksAvailable));
    }
}
