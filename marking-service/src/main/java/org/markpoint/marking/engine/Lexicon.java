package org.markpoint.marking.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The engine's bundled word lists (classpath {@code /engine/*.txt}), loaded once. */
final class Lexicon {

    final Map<String, String> americanToBritish;
    final Set<String> stopwords;
    final Set<String> negators;
    final List<List<String>> synonymSets;
    final Map<String, List<String>> cues;

    private Lexicon(Map<String, String> americanToBritish, Set<String> stopwords, Set<String> negators,
                    List<List<String>> synonymSets, Map<String, List<String>> cues) {
        this.americanToBritish = americanToBritish;
        this.stopwords = stopwords;
        this.negators = negators;
        this.synonymSets = synonymSets;
        this.cues = cues;
    }

    static Lexicon load() {
        Map<String, String> spell = new HashMap<>();
        for (String line : lines("spellings.txt")) {
            String[] p = line.split("\\s+");
            if (p.length == 2) {
                spell.put(p[0], p[1]);
            }
        }
        Set<String> stop = new HashSet<>();
        for (String line : lines("stopwords.txt")) {
            stop.addAll(List.of(line.split("\\s+")));
        }
        Set<String> neg = new HashSet<>(lines("negators.txt"));
        List<List<String>> syn = new ArrayList<>();
        for (String line : lines("synonyms.txt")) {
            List<String> set = new ArrayList<>();
            for (String m : line.split(",")) {
                if (!m.isBlank()) {
                    set.add(m.trim());
                }
            }
            syn.add(List.copyOf(set));
        }
        Map<String, List<String>> cues = new LinkedHashMap<>();
        String section = "";
        for (String line : lines("connectives.txt")) {
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
            } else {
                cues.computeIfAbsent(section, s -> new ArrayList<>()).add(line);
            }
        }
        return new Lexicon(Map.copyOf(spell), Set.copyOf(stop), Set.copyOf(neg), List.copyOf(syn), cues);
    }

    private static List<String> lines(String name) {
        try (InputStream in = Lexicon.class.getResourceAsStream("/engine/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing engine resource /engine/" + name);
            }
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip().toLowerCase(Locale.ROOT);
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
