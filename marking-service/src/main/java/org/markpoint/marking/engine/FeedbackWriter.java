package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.markpoint.model.scheme.CommandWord;

/** Learner-facing sentences: feed-forward for each missed point, the command-word verdict, corrections. */
final class FeedbackWriter {

    List<String> write(List<PointJudge.Outcome> outcomes, List<List<String>> missingByPoint,
                       CommandWordJudge.Judgement judgement, int uncappedMark, int mark, int maxMarks,
                       List<MisconceptionFound> misconceptions, List<String> flags, String commandWord) {
        List<String> out = new ArrayList<>();
        if (flags.contains(Flags.BLANK)) {
            out.add("No answer was given. Write your answer in full sentences.");
            return out;
        }
        if (flags.contains(Flags.NOT_ENGLISH)) {
            out.add("Your answer does not appear to be in English; please answer in English.");
        }
        if (flags.contains(Flags.COPIED_QUESTION)) {
            out.add("Your answer mostly repeats the question; answer it in your own words.");
        }
        String verb = verb(commandWord);
        for (int i = 0; i < outcomes.size(); i++) {
            PointJudge.Outcome o = outcomes.get(i);
            String text = trimStop(o.point().point().text());
            switch (o.result().status()) {
                case MISSED -> {
                    if (o.contradicted()) {
                        out.add("Check this point: your answer says the opposite of \"" + text + "\".");
                    } else if (o.rejected()) {
                        out.add("Your wording for \"" + text + "\" is not creditworthy; make the point precisely.");
                    } else {
                        out.add("You could also " + verb + " this point: " + text + ".");
                    }
                }
                case PARTIAL -> {
                    List<String> missing = missingByPoint.get(i);
                    out.add("You are close on \"" + text + "\"" + (missing.isEmpty() ? ": make the point fully."
                            : ": make it fully by saying more about " + String.join(", ", missing) + "."));
                }
                case HIT -> { }
            }
        }
        if (!judgement.verdict().met()) {
            String limit = mark < uncappedMark || judgement.cap() < maxMarks
                    ? " Without that, the mark is limited to " + judgement.cap() + " of " + maxMarks + "." : "";
            out.add(judgement.verdict().reason() + limit);
        }
        for (MisconceptionFound m : misconceptions) {
            if (!m.correction().isBlank()) {
                out.add("Watch out: " + m.correction());
            }
        }
        if (out.isEmpty() && !outcomes.isEmpty()) {
            out.add("Well done: you covered every marking point.");
        }
        return out;
    }

    private static String verb(String commandWord) {
        Optional<CommandWord> cw = CommandWord.parse(commandWord);
        if (cw.isEmpty()) {
            return "cover";
        }
        return switch (cw.get()) {
            case IDENTIFY, STATE, LIST, DEFINE -> "include";
            default -> cw.get().wireName();
        };
    }

    private static String trimStop(String s) {
        String t = s == null ? "" : s.strip();
        while (t.endsWith(".") || t.endsWith(";") || t.endsWith(",")) {
            t = t.substring(0, t.length() - 1);
        }
        boolean acronym = t.length() > 1 && Character.isUpperCase(t.charAt(1));
        return t.isEmpty() || acronym ? t : t.substring(0, 1).toLowerCase(Locale.ROOT) + t.substring(1);
    }
}
