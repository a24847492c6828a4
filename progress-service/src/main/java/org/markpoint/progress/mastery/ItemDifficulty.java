package org.markpoint.progress.mastery;

/** A question's calibrated difficulty in logits relative to an average item of its outcome, and its response count. */
public record ItemDifficulty(String itemId, double difficulty, int responses) {

    public static ItemDifficulty uncalibrated(String itemId) {
        return new ItemDifficulty(itemId, 0.0, 0);
    }
}
