package org.markpoint.marking.engine;

import java.util.Set;

/**
 * Which tokens sit inside a negation: from a negator forward to the end of its clause (punctuation or a clause
 * connective) or a few words, whichever is first. "not only"/"not just" do not negate; "no"/"without" only reach
 * the noun phrase that follows.
 */
final class NegationScope {

    private static final int MAX_SCOPE = 6;
    private static final int SHORT_SCOPE = 3;
    private static final Set<String> NOT_NEGATING_AFTER = Set.of("only", "just", "merely", "simply", "solely");
    private static final Set<String> SHORT = Set.of("no", "without", "lack", "lacks", "lacking", "none");
    private static final Set<String> BOUNDARY = Set.of(",", ";", ":", ".", "!", "?", "but", "however", "although",
            "though", "whereas", "because", "so", "which", "while", "yet", "since", "instead", "rather", "unless",
            "who", "that", "(", ")");

    private final Set<String> negators;

    NegationScope(Lexicon lexicon) {
        this.negators = lexicon.negators;
    }

    boolean[] scope(AnalysedText text) {
        int n = text.size();
        boolean[] in = new boolean[n];
        for (int i = 0; i < n; i++) {
            Token t = text.get(i);
            if (!isNegator(t)) {
                continue;
            }
            if (i + 1 < n && NOT_NEGATING_AFTER.contains(text.get(i + 1).norm())) {
                continue;
            }
            if (t.norm().startsWith("fail") && (i + 1 >= n || !"to".equals(text.get(i + 1).norm()))) {
                continue;
            }
            int reach = SHORT.contains(t.norm()) ? SHORT_SCOPE : MAX_SCOPE;
            for (int j = i + 1; j < n && j - i <= reach; j++) {
                Token u = text.get(j);
                if (u.sentence() != t.sentence() || BOUNDARY.contains(u.norm()) || isNegator(u)) {
                    break;
                }
                in[j] = true;
            }
        }
        return in;
    }

    boolean isNegator(Token t) {
        return "not".equals(t.norm()) || negators.contains(t.norm());
    }
}
