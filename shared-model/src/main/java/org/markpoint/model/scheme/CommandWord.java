package org.markpoint.model.scheme;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The command-word taxonomy used by UK vocational awarding bodies, ordered by the depth they demand.
 * {@code depth} grows from recall (1) to judgement (4); adaptive quizzes cover shallower words first.
 */
public enum CommandWord {
    IDENTIFY(1, "Identify: pick out and name the key points; no explanation needed."),
    STATE(1, "State: give a short, clear fact or point."),
    DEFINE(1, "Define: give the precise meaning of the term."),
    LIST(1, "List: name several points, one after another."),
    OUTLINE(2, "Outline: set out the main points briefly."),
    DESCRIBE(2, "Describe: give the features or characteristics, in detail."),
    EXPLAIN(3, "Explain: give reasons or causes and show how one thing leads to another (because, so, therefore)."),
    DISCUSS(3, "Discuss: consider different aspects and how they interact."),
    COMPARE(3, "Compare: show the similarities and differences between the items."),
    ANALYSE(3, "Analyse: break the topic into parts and show how they relate and what impact each has."),
    ASSESS(4, "Assess: weigh up the importance of factors and reach a conclusion."),
    EVALUATE(4, "Evaluate: weigh both sides (strengths and weaknesses) and reach a justified judgement."),
    JUSTIFY(4, "Justify: give reasons and evidence that support a decision or choice."),
    RECOMMEND(4, "Recommend: propose a course of action and give reasons for it.");

    private final int depth;
    private final String guidance;

    CommandWord(int depth, String guidance) {
        this.depth = depth;
        this.guidance = guidance;
    }

    public int depth() {
        return depth;
    }

    /** What the word asks of the learner, in one sentence a learner can act on. */
    public String guidance() {
        return guidance;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command word, accepting American spellings ("analyze") and any case. */
    public static Optional<CommandWord> parse(String word) {
        if (word == null || word.isBlank()) {
            return Optional.empty();
        }
        String w = word.trim().toUpperCase(Locale.ROOT).replace("YZE", "YSE");
        return Arrays.stream(values()).filter(c -> c.name().equals(w)).findFirst();
    }
}
