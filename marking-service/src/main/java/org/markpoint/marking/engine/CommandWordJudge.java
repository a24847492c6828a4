package org.markpoint.marking.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.markpoint.model.scheme.CommandWord;

/**
 * Judges whether the answer did what its command word asks (describe: features; explain: reasons linked by
 * connectives; analyse: parts and their impact; evaluate/assess: both sides and a judgement; justify/recommend:
 * reasons for a decision) and, as examiners do, keeps an answer that did not out of the top marks.
 */
final class CommandWordJudge {

    /** The verdict and the highest mark it allows. */
    record Judgement(CommandWordVerdict verdict, int cap) {
    }

    private final CueSet causal;
    private final CueSet impact;
    private final CueSet contrast;
    private final CueSet positive;
    private final CueSet judgement;
    private final CueSet decision;
    private final CueSet comparison;

    CommandWordJudge(Lexicon lexicon) {
        Map<String, List<String>> cues = lexicon.cues;
        causal = new CueSet(cues.getOrDefault("causal", List.of()));
        impact = new CueSet(cues.getOrDefault("impact", List.of()));
        contrast = new CueSet(cues.getOrDefault("contrast", List.of()));
        positive = new CueSet(cues.getOrDefault("positive", List.of()));
        judgement = new CueSet(cues.getOrDefault("judgement", List.of()));
        decision = new CueSet(cues.getOrDefault("decision", List.of()));
        comparison = new CueSet(cues.getOrDefault("comparison", List.of()));
    }

    Judgement judge(String word, AnalysedText answer, int pointsHit, int pointCount, int maxMarks) {
        Optional<CommandWord> parsed = CommandWord.parse(word);
        if (parsed.isEmpty()) {
            return new Judgement(new CommandWordVerdict(word, true, "No command word to judge against."), maxMarks);
        }
        CommandWord cw = parsed.get();
        String name = cw.wireName();
        String reason;
        boolean met;
        switch (cw) {
            case IDENTIFY, STATE, DEFINE, LIST -> {
                met = true;
                reason = "A '" + name + "' question needs the points themselves; no extended reasoning is required.";
            }
            case OUTLINE, DESCRIBE -> {
                met = answer.wordCount() >= 10 || pointsHit >= 2;
                reason = met ? "The answer gives features in some detail, as '" + name + "' asks."
                        : "A '" + name + "' answer needs the features set out in sentences, not a word or two.";
            }
            case EXPLAIN -> {
                String cue = causal.find(answer);
                met = cue != null;
                reason = met ? "The answer gives reasons, linked with '" + cue + "'."
                        : "An 'explain' answer needs reasons or causes linked to effects (because, so, therefore, "
                                + "which leads to); none were found.";
            }
            case DISCUSS -> {
                met = contrast.find(answer) != null || impact.find(answer) != null || causal.find(answer) != null;
                reason = met ? "The answer considers how the aspects interact."
                        : "A 'discuss' answer needs different aspects and how they interact.";
            }
            case COMPARE -> {
                String cue = comparison.find(answer);
                met = cue != null;
                reason = met ? "The answer draws a comparison ('" + cue + "')."
                        : "A 'compare' answer needs similarities or differences (whereas, both, unlike).";
            }
            case ANALYSE -> {
                boolean links = impact.find(answer) != null || causal.find(answer) != null;
                boolean parts = pointsHit >= Math.min(2, Math.max(1, pointCount));
                met = links && parts;
                reason = met ? "The answer breaks the topic into parts and shows their impact."
                        : !links ? "An 'analyse' answer needs to show how the parts relate and what impact each has."
                        : "An 'analyse' answer needs more than one part of the topic.";
            }
            case ASSESS, EVALUATE -> {
                boolean otherSide = contrast.find(answer) != null;
                boolean oneSide = positive.find(answer) != null || pointsHit > 0;
                String verdictCue = judgement.find(answer);
                met = otherSide && oneSide && verdictCue != null;
                reason = met ? "The answer weighs both sides and reaches a judgement ('" + verdictCue + "')."
                        : verdictCue == null ? "An '" + name + "' answer needs a justified judgement (overall, on "
                                + "balance, in conclusion); none was found."
                        : "An '" + name + "' answer needs both sides weighed (however, on the other hand).";
            }
            case JUSTIFY, RECOMMEND -> {
                boolean reasons = causal.find(answer) != null;
                boolean choice = decision.find(answer) != null || judgement.find(answer) != null;
                met = reasons && choice;
                reason = met ? "The answer gives reasons for a decision."
                        : !reasons ? "A '" + name + "' answer needs reasons for the choice (because, so, therefore)."
                        : "A '" + name + "' answer needs a clear decision or recommendation.";
            }
            default -> {
                met = true;
                reason = cw.guidance();
            }
        }
        int cap = met || maxMarks < 2 ? maxMarks : maxMarks - Math.max(1, maxMarks / 4);
        return new Judgement(new CommandWordVerdict(name, met, reason), cap);
    }
}
