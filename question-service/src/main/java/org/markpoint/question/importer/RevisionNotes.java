package org.markpoint.question.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markpoint.model.scheme.CommandWord;
import org.markpoint.model.scheme.GlossaryTerm;
import org.markpoint.model.scheme.Misconception;
import org.markpoint.question.bank.CommandWordGuidance;

/** The page's mistakes, misconceptions, key terms and command-word advice. */
final class RevisionNotes {

    private static final Pattern MISCONCEPTION = Pattern.compile(
            "^Misconception:\\s*(.+?)\\s*Correction:\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern QUOTED_WORD = Pattern.compile("'([A-Za-z]+)'");

    private final List<Misconception> misconceptions = new ArrayList<>();
    private final List<String> commonMistakes = new ArrayList<>();
    private final List<GlossaryTerm> keyTerms = new ArrayList<>();

    RevisionNotes(SeedPage page, String unitId, List<String> outcomeTitles, ImportLog log) {
        for (String item : page.items(SeedSection.COMMON_MISTAKES)) {
            Matcher m = MISCONCEPTION.matcher(item);
            if (m.matches()) {
                misconceptions.add(new Misconception(unitId + "-m" + (misconceptions.size() + 1),
                        unquote(m.group(1)), m.group(2).strip()));
            } else {
                commonMistakes.add(item);
            }
        }
        Map<String, String> concepts = keyConceptDefinitions(page);
        Map<String, String> abbreviations = new LinkedHashMap<>();
        page.items(SeedSection.KEY_CONCEPTS).forEach(c -> abbreviations.putAll(Words.abbreviations(c)));
        Set<String> outcomes = Set.copyOf(outcomeTitles.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
        OutcomeReader reader = new OutcomeReader();
        for (String item : page.items(SeedSection.KEY_TERMS)) {
            boolean repeatsOutcomes = reader.split(item).stream()
                    .anyMatch(part -> outcomes.contains(stripStop(part).toLowerCase(Locale.ROOT)));
            if (repeatsOutcomes) {
                log.skip("key term '" + abbreviate(item) + "'",
                        "the Key Terminology entry repeats the learning outcomes; it is not a term");
                continue;
            }
            String definition = concepts.getOrDefault(item.toLowerCase(Locale.ROOT), "");
            List<String> synonyms = new ArrayList<>();
            abbreviations.forEach((expansion, acronym) -> {
                if (item.toLowerCase(Locale.ROOT).contains(expansion)) {
                    synonyms.add(acronym);
                }
            });
            keyTerms.add(new GlossaryTerm(item, definition, synonyms));
        }
        long undefined = keyTerms.stream().filter(t -> t.definition().isEmpty()).count();
        if (undefined > 0) {
            log.warn("key terms", undefined + " of " + keyTerms.size()
                    + " key terms have no definition on the page (definitions come from a key concept of the same name)");
        }
    }

    List<Misconception> misconceptions() {
        return List.copyOf(misconceptions);
    }

    List<String> commonMistakes() {
        return List.copyOf(commonMistakes);
    }

    List<GlossaryTerm> keyTerms() {
        return List.copyOf(keyTerms);
    }

    /**
     * Guidance for each command word the unit's questions use or its tips quote, in taxonomy order: the taxonomy's
     * sentence plus the page's own sentences that quote the word.
     */
    List<CommandWordGuidance> commandWordGuidance(List<String> tips, Set<String> usedWords) {
        Map<CommandWord, List<String>> advice = new LinkedHashMap<>();
        usedWords.forEach(w -> CommandWord.parse(w).ifPresent(c -> advice.computeIfAbsent(c, k -> new ArrayList<>())));
        for (String tip : tips) {
            // the whole tip: its sentences lean on each other ("These require deeper thinking than 'describe'")
            Matcher m = QUOTED_WORD.matcher(tip);
            while (m.find()) {
                Optional<CommandWord> word = CommandWord.parse(m.group(1));
                word.ifPresent(c -> {
                    List<String> list = advice.computeIfAbsent(c, k -> new ArrayList<>());
                    if (!list.contains(tip)) {
                        list.add(tip);
                    }
                });
            }
        }
        return advice.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new CommandWordGuidance(e.getKey().wireName(), e.getKey().guidance(), e.getValue()))
                .toList();
    }

    private static Map<String, String> keyConceptDefinitions(SeedPage page) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String concept : page.items(SeedSection.KEY_CONCEPTS)) {
            int colon = concept.indexOf(':');
            if (colon > 0) {
                out.put(concept.substring(0, colon).strip().toLowerCase(Locale.ROOT), concept.substring(colon + 1).strip());
            }
        }
        return out;
    }

    private static String unquote(String text) {
        String t = text.strip();
        if (t.length() > 1 && (t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\""))) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.length() > 1 && (t.startsWith("'") || t.startsWith("\""))) {
            t = t.substring(1);
        }
        t = t.replaceAll("\\.'$", ".");
        return t;
    }

    private static String stripStop(String text) {
        String t = text.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
