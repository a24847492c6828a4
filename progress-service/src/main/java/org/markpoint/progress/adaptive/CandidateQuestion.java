package org.markpoint.progress.adaptive;

import org.markpoint.model.scheme.CommandWord;

/**
 * A question the quiz may ask: which outcome it evidences, the depth its command word demands, and its calibrated
 * difficulty in logits relative to an average item of that outcome (0 before calibration).
 */
public record CandidateQuestion(String questionId, String outcomeId, CommandWord commandWord, double difficulty) {
}
