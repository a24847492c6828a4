package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An answer (or scheme phrase) after normalisation and OpenNLP analysis; immutable and cheap to query. */
final class AnalysedText {

    private final String original;
    private final List<Token> tokens;
    private final int sentenceCount;
    private final Map<String, List<Integer>> positionsByKey = new HashMap<>();

    AnalysedText(String original, List<Token> tokens, int sentenceCount) {
        this.original = original;
        this.tokens = List.copyOf(tokens);
        this.sentenceCount = sentenceCount;
        for (int i = 0; i < this.tokens.size(); i++) {
            positionsByKey.computeIfAbsent(this.tokens.get(i).key(), k -> new ArrayList<>(2)).add(i);
        }
    }

    String original() {
        return original;
    }

    List<Token> tokens() {
        return tokens;
    }

    int size() {
        return tokens.size();
    }

    Token get(int i) {
        return tokens.get(i);
    }

    int sentenceCount() {
        return sentenceCount;
    }

    List<Integer> positionsOf(String key) {
        return positionsByKey.getOrDefault(key, List.of());
    }

    int wordCount() {
        int n = 0;
        for (Token t : tokens) {
            if (t.isWord()) {
                n++;
            }
        }
        return n;
    }

    /** Matching keys of the content words, in order, duplicates kept. */
    List<String> contentKeys() {
        List<String> out = new ArrayList<>();
        for (Token t : tokens) {
            if (t.content()) {
                out.add(t.key());
            }
        }
        return out;
    }

    /** Index of the next content token at or after {@code from}, or -1. */
    int nextContent(int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).content()) {
                return i;
            }
        }
        return -1;
    }
}
