package org.markpoint.question.bank;

import java.util.List;

/**
 * What a command word asks of the learner in this unit: the taxonomy's one-line guidance plus any advice the
 * revision page itself gives about that word (quoted from the page).
 */
public record CommandWordGuidance(String commandWord, String guidance, List<String> pageAdvice) {

    public CommandWordGuidance {
        guidance = guidance == null ? "" : guidance;
        pageAdvice = pageAdvice == null ? List.of() : List.copyOf(pageAdvice);
    }
}
