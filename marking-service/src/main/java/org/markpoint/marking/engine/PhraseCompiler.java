package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns a phrase in the examiner's words into concept terms with synonyms, ready for {@link ConceptMatcher}. */
final class PhraseCompiler {

    /** Below this length a word is never matched by misspelling tolerance. */
    static final int MIN_FUZZY_LENGTH = 5;

    private final LinguisticAnalyser analyser;
    private final NegationScope negation;

    PhraseCompiler(LinguisticAnalyser analyser, NegationScope negation) {
        this.analyser = analyser;
        this.negation = negation;
    }

    Phrase compile(String text, SynonymIndex synonyms, int window) {
        AnalysedText a = analyser.analyse(text == null ? "" : text);
        boolean[] negated = negation.scope(a);
        List<Integer> idx = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).content()) {
                idx.add(i);
                keys.add(a.get(i).key());
            }
        }
        List<Term> terms = new ArrayList<>();
        int c = 0;
        while (c < keys.size()) {
            Set<List<String>> alternatives = SynonymIndex.newAlternatives();
            int len = synonyms.expand(keys, c, alternatives);
            if (len == 0) {
                len = 1;
            }
            alternatives.add(List.copyOf(keys.subList(c, c + len)));
            List<String> fuzzy = new ArrayList<>();
            StringBuilder label = new StringBuilder();
            boolean neg = false;
            for (int k = c; k < c + len; k++) {
                Token t = a.get(idx.get(k));
                label.append(label.isEmpty() ? "" : " ").append(t.norm());
                neg |= negated[idx.get(k)];
            }
            if (len == 1 && a.get(idx.get(c)).norm().length() >= MIN_FUZZY_LENGTH) {
                fuzzy.add(a.get(idx.get(c)).norm());
                if (!a.get(idx.get(c)).lemma().equals(a.get(idx.get(c)).norm())) {
                    fuzzy.add(a.get(idx.get(c)).lemma());
                }
            }
            Term term = new Term(label.toString(), List.copyOf(alternatives), fuzzy, neg);
            if (!mergeIntoExisting(terms, term)) {
                terms.add(term);
            }
            c += len;
        }
        return new Phrase(text, terms, window);
    }

    /** Two terms from one synonym set are one concept: "a synonym set counts once per point". */
    private static boolean mergeIntoExisting(List<Term> terms, Term term) {
        for (Term t : terms) {
            for (List<String> alt : term.alternatives()) {
                if (t.alternatives().contains(alt)) {
                    return true;
                }
            }
        }
        return false;
    }
}
