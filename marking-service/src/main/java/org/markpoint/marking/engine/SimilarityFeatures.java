package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answer-vs-reference similarity figures computed with the engine's own analysis (lemmas, synonyms,
 * misspellings, negation), for calibration layers fitted on marked data. Obtain from
 * {@link MarkingEngine#similarity()}; thread-safe.
 */
public final class SimilarityFeatures {

    /** Names of the values {@link #compute} returns, in order. */
    public static final List<String> NAMES = List.of("recall", "recall_demoted", "precision", "precision_demoted",
            "bigram_recall", "contradicted", "fuzzy_share", "log_words", "length_ratio", "novel_share");

    private final LinguisticAnalyser analyser;
    private final PhraseCompiler phrases;
    private final SynonymIndex synonyms;
    private final NegationScope negation;
    private final ConceptMatcher matcher = new ConceptMatcher();
    private final Map<String, Phrase> compiled = new ConcurrentHashMap<>();

    SimilarityFeatures(LinguisticAnalyser analyser, PhraseCompiler phrases, SynonymIndex synonyms,
                       NegationScope negation) {
        this.analyser = analyser;
        this.phrases = phrases;
        this.synonyms = synonyms;
        this.negation = negation;
    }

    /** The content words of a text as matching keys (stems of lemmas, normalised spelling), in order. */
    public List<String> keys(String text) {
        return analyser.analyse(text == null ? "" : text).contentKeys();
    }

    public double[] compute(String answer, String reference, String question) {
        AnalysedText a = analyser.analyse(answer == null ? "" : answer);
        boolean[] negated = negation.scope(a);
        Phrase ref = compiled.computeIfAbsent(reference, r -> phrases.compile(r, synonyms, Phrase.UNBOUNDED));
        Set<String> questionKeys = new HashSet<>(keys(question));
        Phrase demoted = new Phrase(reference, ref.terms().stream()
                .filter(t -> t.alternatives().stream().noneMatch(alt -> questionKeys.containsAll(alt))).toList(),
                Phrase.UNBOUNDED);
        ConceptMatcher.Match all = matcher.match(ref, a, negated);
        ConceptMatcher.Match dem = demoted.isEmpty() ? all : matcher.match(demoted, a, negated);
        Set<String> refVocab = new HashSet<>();
        for (Term t : ref.terms()) {
            for (List<String> alt : t.alternatives()) {
                refVocab.addAll(alt);
            }
        }
        List<String> answerKeys = a.contentKeys();
        int inRef = 0;
        int inRefDemoted = 0;
        int novel = 0;
        int nonQuestion = 0;
        for (String k : answerKeys) {
            boolean r = refVocab.contains(k);
            boolean q = questionKeys.contains(k);
            inRef += r ? 1 : 0;
            if (!q) {
                nonQuestion++;
                inRefDemoted += r ? 1 : 0;
                novel += r ? 0 : 1;
            }
        }
        List<String> refKeys = keys(reference);
        double n = Math.max(1, answerKeys.size());
        return new double[] {
            all.coverage(),
            dem.coverage(),
            inRef / n,
            nonQuestion == 0 ? 0 : (double) inRefDemoted / nonQuestion,
            bigramRecall(refKeys, answerKeys),
            all.contradicted() || dem.contradicted() ? 1 : 0,
            all.matched() == 0 ? 0 : (double) all.fuzzyCount() / all.matched(),
            Math.log1p(a.wordCount()),
            Math.min(3.0, answerKeys.size() / (double) Math.max(1, refKeys.size())),
            novel / n
        };
    }

    private static double bigramRecall(List<String> ref, List<String> answer) {
        if (ref.size() < 2) {
            return 0;
        }
        Set<String> have = new HashSet<>();
        for (int i = 0; i + 1 < answer.size(); i++) {
            have.add(pair(answer.get(i), answer.get(i + 1)));
        }
        List<String> want = new ArrayList<>();
        for (int i = 0; i + 1 < ref.size(); i++) {
            want.add(pair(ref.get(i), ref.get(i + 1)));
        }
        int hit = 0;
        for (String w : want) {
            hit += have.contains(w) ? 1 : 0;
        }
        return (double) hit / want.size();
    }

    private static String pair(String x, String y) {
        return x.compareTo(y) <= 0 ? x + ' ' + y : y + ' ' + x;
    }
}
