package org.markpoint.marking.engine;

/**
 * Tunables with defaults that work with no training data: answers below {@code reviewThreshold} confidence are
 * flagged for human review; answers shorter than {@code minWords} are flagged too short; only the first
 * {@code maxChars} characters of a very long answer are analysed. {@code contextualTagging} POS-tags every
 * sentence in context (slower, about a third of the throughput) instead of caching each word's tag and lemma.
 * {@code semanticTier} loads the optional WordNet and MiniLM tier ({@link SemanticFeatures}); off by default,
 * so the hot path never pays for it.
 */
public record EngineOptions(double reviewThreshold, int minWords, int maxChars, boolean contextualTagging,
                            boolean semanticTier) {

    public static EngineOptions defaults() {
        return new EngineOptions(0.5, 3, 20_000, false, false);
    }

    public EngineOptions withSemanticTier(boolean on) {
        return new EngineOptions(reviewThreshold, minWords, maxChars, contextualTagging, on);
    }
}
