package org.markpoint.marking.engine;

/** Whether the answer did what the command word asked, and why (shown to the learner). */
public record CommandWordVerdict(String word, boolean met, String reason) {
}
