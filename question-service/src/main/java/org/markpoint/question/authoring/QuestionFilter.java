package org.markpoint.question.authoring;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.markpoint.model.scheme.CommandWord;
import org.markpoint.question.support.InvalidRequestException;

/**
 * Search filters for listing questions; blank means "any". {@code status} is {@code draft} (the latest version is
 * a draft), {@code published} (a version is live) or {@code retired}. {@code text} is matched literally, word by
 * word, against stem, context, model answer and marking points, ignoring case.
 */
public record QuestionFilter(String unitId, String outcomeId, String commandWord, String status, String text) {

    private static final List<String> STATUSES = List.of("", "draft", "published", "retired");
    private static final int MAX_TEXT = 200;

    public QuestionFilter {
        unitId = unitId == null ? "" : unitId;
        outcomeId = outcomeId == null ? "" : outcomeId;
        commandWord = commandWord == null ? "" : commandWord;
        status = status == null ? "" : status;
        text = text == null ? "" : text;
    }

    public QuestionFilter(String unitId, String outcomeId, String commandWord) {
        this(unitId, outcomeId, commandWord, "", "");
    }

    /** Filters from query parameters: an unknown command word or status is refused naming the parameter. */
    public static QuestionFilter parse(String unit, String outcome, String commandWord, String status, String text) {
        String command = commandWord == null || commandWord.isBlank() ? "" : CommandWord.parse(commandWord)
                .map(CommandWord::wireName).orElseThrow(() -> new InvalidRequestException("commandWord",
                        "unknown command word '" + commandWord + "'"));
        String s = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(s)) {
            throw new InvalidRequestException("status", "use draft, published or retired");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidRequestException("q", "at most " + MAX_TEXT + " characters");
        }
        return new QuestionFilter(unit, outcome, command, s, text == null ? "" : text.strip());
    }

    /** The words of {@code text}, lower case, for a search that wants each of them somewhere. */
    public List<String> words() {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
