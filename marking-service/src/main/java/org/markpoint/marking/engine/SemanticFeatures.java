package org.markpoint.marking.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The optional semantic tier's answer-vs-reference figures: word overlap widened by WordNet (synonyms, direct
 * hypernyms, derivations), leaving out the words the question itself gives, and the MiniLM sentence-embedding
 * cosine of the answer with the reference and with the question. Obtain from {@link MarkingEngine#semantic()}
 * (present only when {@link EngineOptions#semanticTier()} is on); thread-safe.
 */
public final class SemanticFeatures {

    /** Names of the values {@link #compute} returns, in order. */
    public static final List<String> NAMES = List.of("wordnet_recall", "wordnet_precision", "wordnet_f1",
            "embedding_cosine", "embedding_question_cosine");

    private final LinguisticAnalyser analyser;
    private final WordNetRelations wordnet;
    private final SentenceEmbedder embedder;
    private final java.util.Map<String, AnalysedText> schemeTexts = new java.util.concurrent.ConcurrentHashMap<>();

    private final AlignmentFeatures alignment;

    SemanticFeatures(LinguisticAnalyser analyser, WordNetRelations wordnet, SentenceEmbedder embedder,
                     NegationScope negation) {
        this.analyser = analyser;
        this.wordnet = wordnet;
        this.embedder = embedder;
        this.alignment = new AlignmentFeatures(analyser, this::schemeText, negation, embedder);
    }

    /** Word-, chunk- and clause-level soft alignment of an answer with a reference (MiniLM). */
    public AlignmentFeatures alignment() {
        return alignment;
    }

    public SentenceEmbedder embedder() {
        return embedder;
    }

    public double[] compute(String answer, String reference, String question) {
        AnalysedText a = analyser.analyse(answer == null ? "" : answer);
        AnalysedText r = schemeText(reference);
        Set<String> given = new HashSet<>(schemeText(question).contentKeys());
        List<Token> answerWords = content(a, given);
        List<Token> refWords = content(r, given);
        double recall = aligned(refWords, answerWords);
        double precision = aligned(answerWords, refWords);
        double f1 = recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
        return new double[] {recall, precision, f1, embedder.cosine(answer, reference),
            embedder.cosine(answer, question)};
    }

    /** References and questions repeat across answers, so their analysis is cached (bounded). */
    private AnalysedText schemeText(String text) {
        String t = text == null ? "" : text;
        AnalysedText a = schemeTexts.get(t);
        if (a == null) {
            a = analyser.analyse(t);
            if (schemeTexts.size() > 10_000) {
                schemeTexts.clear();
            }
            schemeTexts.put(t, a);
        }
        return a;
    }

    /** Share of {@code from}'s distinct words that meet a word of {@code to} by key or a WordNet relation. */
    double aligned(List<Token> from, List<Token> to) {
        if (from.isEmpty()) {
            return 0;
        }
        Set<String> toKeys = new HashSet<>();
        Set<String> toRelated = new HashSet<>();
        for (Token t : to) {
            toKeys.add(t.key());
            toRelated.addAll(wordnet.related(t.lemma()));
        }
        Set<String> seen = new HashSet<>();
        int hit = 0;
        for (Token t : from) {
            if (!seen.add(t.key())) {
                continue;
            }
            if (toKeys.contains(t.key()) || toRelated.contains(t.key())
                    || !java.util.Collections.disjoint(wordnet.related(t.lemma()), toKeys)) {
                hit++;
            }
        }
        return (double) hit / seen.size();
    }

    private static List<Token> content(AnalysedText text, Set<String> given) {
        return text.tokens().stream().filter(t -> t.content() && !given.contains(t.key())).toList();
    }
}
