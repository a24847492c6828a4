package org.markpoint.progress.learner;

import java.time.Instant;

/** One piece of evidence: the credit (fraction of marks) one mark gave toward one outcome. */
public record Response(String markId, String questionId, String outcomeId, double credit, Instant at) {
}
