package org.markpoint.progress.adaptive;

import java.time.Instant;
import org.markpoint.model.scheme.CommandWord;

/** An answer the learner already gave, with the fraction of marks it earned. */
public record PastAnswer(String questionId, String outcomeId, CommandWord commandWord, double credit, Instant at) {
}
