package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.List;
import org.markpoint.model.scheme.MarkingScheme;

/**
 * Marks an answer against a scheme: normalise and analyse (OpenNLP), match each point's concepts, judge the
 * command word, find misconceptions, score (capped by max marks and by the command word), flag, and write
 * feedback. Thread-safe; models and word lists load once, so build one and share it.
 */
public final class MarkingEngine {

    private final EngineOptions options;
    private final LinguisticAnalyser analyser;
    private final NegationScope negation;
    private final SchemeCompiler compiler;
    private final ConceptMatcher matcher = new ConceptMatcher();
    private final PointJudge pointJudge = new PointJudge(matcher);
    private final CommandWordJudge commandWordJudge;
    private final MisconceptionDetector misconceptionDetector;
    private final AnswerChecks checks;
    private final FeedbackWriter feedbackWriter = new FeedbackWriter();
    private final SimilarityFeatures similarity;
    private final SemanticFeatures semantic;
    private final SemanticTier semanticTier;

    private MarkingEngine(EngineOptions options) {
        this.options = options;
        Lexicon lexicon = Lexicon.load();
        this.analyser = new LinguisticAnalyser(lexicon, options.contextualTagging());
        this.negation = new NegationScope(lexicon);
        SynonymIndex synonyms = SynonymIndex.build(lexicon.synonymSets, analyser);
        PhraseCompiler phrases = new PhraseCompiler(analyser, negation);
        this.compiler = new SchemeCompiler(analyser, phrases, synonyms);
        this.similarity = new SimilarityFeatures(analyser, phrases, synonyms, negation);
        this.commandWordJudge = new CommandWordJudge(lexicon);
        this.misconceptionDetector = new MisconceptionDetector(matcher, negation);
        this.checks = new AnswerChecks(lexicon, options.minWords());
        SentenceEmbedder embedder = options.semanticTier() ? SentenceEmbedder.load() : null;
        this.semantic = embedder == null ? null
                : new SemanticFeatures(analyser, WordNetRelations.load(analyser), embedder, negation);
        this.semanticTier = embedder == null ? null : new SemanticTier(embedder);
    }

    public static MarkingEngine createDefault() {
        return new MarkingEngine(EngineOptions.defaults());
    }

    public static MarkingEngine create(EngineOptions options) {
        return new MarkingEngine(options);
    }

    /** Similarity figures over the same analysis, for calibration layers (evaluation, scheme test bench). */
    public SimilarityFeatures similarity() {
        return similarity;
    }

    /** The optional semantic tier's figures, present only when {@link EngineOptions#semanticTier()} is on. */
    public java.util.Optional<SemanticFeatures> semantic() {
        return java.util.Optional.ofNullable(semantic);
    }

    /**
     * Second-tier usage so far: points judged, points the tier was consulted on (the lexical match was uncertain),
     * points it lifted a level; all zero when the tier is off.
     */
    public long[] semanticTierCounts() {
        return semanticTier == null ? new long[3] : semanticTier.counts();
    }

    public MarkResult mark(String answer, MarkingScheme scheme) {
        String text = answer == null ? "" : answer;
        int maxMarks = Math.max(0, scheme.maxMarks());
        List<String> flags = new ArrayList<>();
        if (text.length() > options.maxChars()) {
            text = text.substring(0, options.maxChars());
            flags.add(Flags.TOO_LONG);
        }
        AnalysedText analysed = analyser.analyse(text);
        CompiledScheme compiled = compiler.compile(scheme);
        if (analysed.wordCount() == 0) {
            return blank(compiled, maxMarks);
        }
        boolean[] negated = negation.scope(analysed);
        List<PointJudge.Outcome> outcomes = new ArrayList<>();
        List<List<String>> missing = new ArrayList<>();
        int total = 0;
        int hits = 0;
        int matchedAny = 0;
        for (CompiledScheme.CompiledPoint cp : compiled.points()) {
            PointJudge.Outcome o = pointJudge.judge(cp, analysed, negated, compiled.derived());
            if (semanticTier != null) {
                o = semanticTier.reconsider(o, analysed);
            }
            outcomes.add(o);
            total += o.result().marks();
            hits += o.result().status() == PointStatus.HIT ? 1 : 0;
            matchedAny += o.best() != null && o.best().matched() > 0 ? 1 : 0;
            missing.add(o.result().status() == PointStatus.PARTIAL
                    ? PointJudge.missingConcepts(o.best(), analysed, negated, matcher) : List.of());
        }
        CommandWordJudge.Judgement judgement = commandWordJudge.judge(scheme.commandWord(), analysed, hits,
                compiled.points().size(), maxMarks);
        List<MisconceptionFound> misconceptions = misconceptionDetector.detect(compiled, analysed, negated);
        flags.addAll(checks.check(analysed, compiled, matchedAny));
        int uncapped = Math.min(total, maxMarks);
        int mark = Math.min(uncapped, judgement.cap());
        if (flags.contains(Flags.NOT_ENGLISH) || flags.contains(Flags.COPIED_QUESTION)) {
            mark = 0;
        }
        double confidence = Confidence.of(outcomes, flags, judgement.verdict().met(), misconceptions.size());
        if (confidence < options.reviewThreshold() || flags.contains(Flags.POSSIBLE_GAMING)
                || flags.contains(Flags.NOT_ENGLISH) || flags.contains(Flags.OFF_TOPIC)) {
            flags.add(Flags.NEEDS_REVIEW);
        }
        List<PointResult> points = outcomes.stream().map(PointJudge.Outcome::result).toList();
        List<String> feedback = feedbackWriter.write(outcomes, missing, judgement, uncapped, mark, maxMarks,
                misconceptions, flags, scheme.commandWord());
        return new MarkResult(mark, maxMarks, points, judgement.verdict(), misconceptions, feedback, flags,
                confidence);
    }

    private MarkResult blank(CompiledScheme compiled, int maxMarks) {
        List<PointResult> points = compiled.points().stream()
                .map(cp -> new PointResult(cp.point().id(), PointStatus.MISSED, 0, List.of(), "",
                        cp.point().learningOutcome()))
                .toList();
        CommandWordVerdict verdict = new CommandWordVerdict(compiled.scheme().commandWord(), false,
                "No answer was given.");
        List<String> flags = List.of(Flags.BLANK);
        return new MarkResult(0, maxMarks, points, verdict, List.of(),
                List.of("No answer was given. Write your answer in full sentences."), flags, 0.99);
    }
}
