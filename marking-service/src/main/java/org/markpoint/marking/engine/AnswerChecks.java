package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whole-answer checks that raise flags: too short, copied the question, off topic, not English, possible gaming
 * (keyword lists without sentences, or the same words over and over).
 */
final class AnswerChecks {

    private final Set<String> functionWords;
    private final int minWords;

    AnswerChecks(Lexicon lexicon, int minWords) {
        Set<String> fw = new HashSet<>(lexicon.stopwords);
        fw.addAll(lexicon.negators);
        fw.add("not");
        this.functionWords = Set.copyOf(fw);
        this.minWords = minWords;
    }

    List<String> check(AnalysedText answer, CompiledScheme scheme, int pointsMatched) {
        List<String> flags = new ArrayList<>();
        int words = answer.wordCount();
        if (words < minWords) {
            flags.add(Flags.TOO_SHORT);
        }
        List<String> content = answer.contentKeys();
        Set<String> distinct = new HashSet<>(content);
        if (isCopiedQuestion(distinct, scheme.stemKeys())) {
            flags.add(Flags.COPIED_QUESTION);
        }
        boolean overlap = false;
        int inVocabulary = 0;
        for (String k : content) {
            boolean known = scheme.vocabulary().contains(k);
            overlap |= known;
            inVocabulary += known ? 1 : 0;
        }
        boolean mostlyKnown = inVocabulary * 2 >= content.size();
        if (isNotEnglish(answer, words, mostlyKnown)) {
            flags.add(Flags.NOT_ENGLISH);
        } else if (!overlap && pointsMatched == 0 && distinct.size() >= 4) {
            flags.add(Flags.OFF_TOPIC);
        }
        if (pointsMatched > 0 && isGaming(answer, words, content, distinct)) {
            flags.add(Flags.POSSIBLE_GAMING);
        }
        return flags;
    }

    private static boolean isCopiedQuestion(Set<String> answerKeys, Set<String> stemKeys) {
        if (stemKeys.size() < 3 || answerKeys.size() < 2) {
            return false;
        }
        int fresh = 0;
        for (String k : answerKeys) {
            fresh += stemKeys.contains(k) ? 0 : 1;
        }
        return fresh <= 1 && answerKeys.size() - fresh >= Math.min(3, stemKeys.size());
    }

    /** Non-Latin script, or no English function words in an answer whose words are mostly not the scheme's. */
    private boolean isNotEnglish(AnalysedText answer, int words, boolean mostlyKnown) {
        String text = answer.original();
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                latin += Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN ? 1 : 0;
            }
        }
        if (letters >= 10 && latin < letters / 2) {
            return true;
        }
        if (words < 6 || mostlyKnown) {
            return false;
        }
        int function = 0;
        for (Token t : answer.tokens()) {
            function += functionWords.contains(t.norm()) ? 1 : 0;
        }
        return function * 12 < words;
    }

    private boolean isGaming(AnalysedText answer, int words, List<String> content, Set<String> distinct) {
        if (content.size() >= 8 && distinct.size() * 2 < content.size()) {
            return true;
        }
        if (words < 6) {
            return false;
        }
        int verbs = 0;
        int function = 0;
        int commas = 0;
        for (Token t : answer.tokens()) {
            verbs += t.isVerb() ? 1 : 0;
            function += functionWords.contains(t.norm()) ? 1 : 0;
            commas += ",".equals(t.norm()) || ";".equals(t.norm()) ? 1 : 0;
        }
        return verbs == 0 || (function * 10 < words && commas * 3 >= words - commas);
    }
}
