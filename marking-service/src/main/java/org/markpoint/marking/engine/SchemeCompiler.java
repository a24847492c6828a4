package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.markpoint.model.scheme.GlossaryTerm;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.model.scheme.Misconception;

/** Compiles schemes once (bounded cache keyed by the scheme value), deriving points from a model answer if needed. */
final class SchemeCompiler {

    private static final int CACHE_LIMIT = 10_000;

    private final LinguisticAnalyser analyser;
    private final PhraseCompiler phrases;
    private final SynonymIndex domainSynonyms;
    private final ModelAnswerPoints modelAnswerPoints;
    private final Map<MarkingScheme, CompiledScheme> cache = new ConcurrentHashMap<>();

    SchemeCompiler(LinguisticAnalyser analyser, PhraseCompiler phrases, SynonymIndex domainSynonyms) {
        this.analyser = analyser;
        this.phrases = phrases;
        this.domainSynonyms = domainSynonyms;
        this.modelAnswerPoints = new ModelAnswerPoints(analyser);
    }

    CompiledScheme compile(MarkingScheme scheme) {
        CompiledScheme hit = cache.get(scheme);
        if (hit != null) {
            return hit;
        }
        CompiledScheme compiled = build(scheme);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(scheme, compiled);
        return compiled;
    }

    static int windowFor(int terms) {
        return Math.max(8, 3 * terms);
    }

    private CompiledScheme build(MarkingScheme scheme) {
        SynonymIndex synonyms = domainSynonyms.withGlossary(scheme.glossary(), analyser);
        boolean derived = scheme.markingPoints().isEmpty() && !scheme.modelAnswer().isBlank();
        List<MarkingPoint> source = derived
                ? modelAnswerPoints.derive(scheme.modelAnswer(), scheme.maxMarks())
                : scheme.markingPoints();
        Set<String> vocabulary = new HashSet<>();
        List<CompiledScheme.CompiledPoint> points = new ArrayList<>();
        for (MarkingPoint p : source) {
            if (p == null) {
                continue;
            }
            List<Phrase> accepts = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            texts.add(p.text());
            texts.addAll(p.accept());
            for (String text : texts) {
                Phrase ph = phrases.compile(text, synonyms, 0);
                if (!ph.isEmpty()) {
                    accepts.add(new Phrase(ph.source(), ph.terms(),
                            derived ? Phrase.UNBOUNDED : windowFor(ph.terms().size())));
                    addVocabulary(ph, vocabulary);
                }
            }
            List<Phrase> rejects = new ArrayList<>();
            for (String text : p.reject()) {
                Phrase ph = phrases.compile(text, synonyms, 0);
                if (!ph.isEmpty()) {
                    rejects.add(new Phrase(ph.source(), ph.terms(), windowFor(ph.terms().size())));
                }
            }
            points.add(new CompiledScheme.CompiledPoint(p, accepts, rejects));
        }
        List<CompiledScheme.CompiledMisconception> misconceptions = new ArrayList<>();
        for (Misconception m : scheme.misconceptions()) {
            if (m == null || m.pattern() == null || m.pattern().isBlank()) {
                continue;
            }
            Phrase ph = phrases.compile(m.pattern(), synonyms, 0);
            if (!ph.isEmpty()) {
                boolean negated = ph.terms().stream().anyMatch(Term::negatedInPhrase);
                misconceptions.add(new CompiledScheme.CompiledMisconception(m,
                        new Phrase(ph.source(), ph.terms(), windowFor(ph.terms().size())), negated));
            }
        }
        for (String text : List.of(scheme.modelAnswer(), scheme.stem())) {
            addVocabulary(phrases.compile(text, synonyms, 0), vocabulary);
        }
        for (GlossaryTerm g : scheme.glossary()) {
            if (g != null && g.term() != null) {
                addVocabulary(phrases.compile(g.term() + " " + String.join(" ", g.synonyms()), synonyms, 0),
                        vocabulary);
            }
        }
        Set<String> stemKeys = new HashSet<>(analyser.analyse(scheme.stem()).contentKeys());
        return new CompiledScheme(scheme, List.copyOf(points), List.copyOf(misconceptions), Set.copyOf(vocabulary),
                Set.copyOf(stemKeys), derived);
    }

    private static void addVocabulary(Phrase phrase, Set<String> vocabulary) {
        for (Term t : phrase.terms()) {
            for (List<String> alt : t.alternatives()) {
                vocabulary.addAll(alt);
            }
        }
    }
}
