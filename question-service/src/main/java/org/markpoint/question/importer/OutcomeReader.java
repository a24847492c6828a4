package org.markpoint.question.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.markpoint.model.scheme.CommandWord;

/**
 * Reads learning outcomes: splits the comma-packed lists some pages print as one bullet, and turns an outcome's
 * leading verb into the command word a question on it would use ("Understand X" is assessed by "Explain X").
 */
final class OutcomeReader {

    /** Outcome verbs that are not themselves command words, and how a question phrases them. */
    private static final Map<String, Phrasing> NON_COMMAND_VERBS = Map.of(
            "understand", new Phrasing(CommandWord.EXPLAIN, "Explain "),
            "know", new Phrasing(CommandWord.DESCRIBE, "Describe "),
            "apply", new Phrasing(CommandWord.EXPLAIN, "Explain how you would apply "),
            "demonstrate", new Phrasing(CommandWord.EXPLAIN, "Explain "),
            "design", new Phrasing(CommandWord.RECOMMEND, "Recommend "),
            "develop", new Phrasing(CommandWord.RECOMMEND, "Recommend "),
            "propose", new Phrasing(CommandWord.RECOMMEND, "Recommend "),
            "plan", new Phrasing(CommandWord.RECOMMEND, "Recommend "));

    private static final String VERBS = "Understand|Know|Be able to|Apply|Demonstrate|Design|Develop|Propose|Plan|"
            + String.join("|", Arrays.stream(CommandWord.values())
                    .map(c -> Words.capitalise(c.wireName())).toList());
    private static final Pattern PACKED = Pattern.compile(",\\s+(?=(?:" + VERBS + ")\\b)");

    record Phrasing(CommandWord commandWord, String lead) {
    }

    /** Question form of an outcome, or empty when its verb is not one an outcome is written with. */
    record OutcomeQuestion(CommandWord commandWord, String stem) {
    }

    List<String> split(String bullet) {
        return Arrays.stream(PACKED.split(bullet.strip())).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    Optional<OutcomeQuestion> read(String outcome) {
        String text = outcome.strip();
        int space = text.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String verb = text.substring(0, space).toLowerCase(Locale.ROOT);
        String rest = text.substring(space + 1);
        Optional<CommandWord> command = CommandWord.parse(verb);
        if (command.isPresent()) {
            return Optional.of(new OutcomeQuestion(command.get(), Words.sentence(text)));
        }
        Phrasing phrasing = NON_COMMAND_VERBS.get(verb);
        if (phrasing == null) {
            return Optional.empty();
        }
        String object = verb.equals("apply") ? rest.replaceFirst("\\bscenarios\\b", "scenario")
                .replaceFirst("\\bto realistic ", "to a realistic ") : rest;
        return Optional.of(new OutcomeQuestion(phrasing.commandWord(), Words.sentence(phrasing.lead() + object)));
    }

    /** The outcome without its leading verb: what it is about, for matching criteria to it. */
    static String topic(String outcome) {
        String text = outcome.strip();
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(space + 1);
    }
}
