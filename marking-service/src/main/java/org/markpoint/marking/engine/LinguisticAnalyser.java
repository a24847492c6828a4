package org.markpoint.marking.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import opennlp.tools.util.Span;

/**
 * OpenNLP sentence detection, POS tagging and lemmatisation (UD English EWT models bundled in the opennlp-models
 * jars) over {@link WordTokenizer} words. Models are loaded once and shared; the ME wrappers are not thread-safe,
 * so each analysis borrows a set from a small pool and gives it back. (Not one set per thread: the service marks on
 * a new virtual thread per request, and building a tagger parses its feature-generator XML, which cost more than
 * the marking itself.) The tagger and the statistical lemmatizer cost far more than all the matching, so by default
 * (tag, lemma) is cached per word and only sentences with new words are tagged; {@code contextual} tags every
 * sentence and caches lemmas by (word, tag).
 */
final class LinguisticAnalyser {

    private static final int CACHE_LIMIT = 200_000;
    /** Idle pipelines kept; more concurrent analyses than this build extra ones that are then dropped. */
    private static final int POOL_LIMIT = 64;

    private final SentenceModel sentenceModel;
    private final POSModel posModel;
    private final LemmatizerModel lemmatizerModel;
    private final Normaliser normaliser;
    private final Lexicon lexicon;
    private final BlockingQueue<Pipeline> idle = new ArrayBlockingQueue<>(POOL_LIMIT);
    private final AtomicInteger built = new AtomicInteger();
    private final Map<String, String> lemmaCache = new ConcurrentHashMap<>();
    private final Map<String, String> stemCache = new ConcurrentHashMap<>();
    private final Map<String, WordInfo> wordCache = new ConcurrentHashMap<>();
    private final boolean contextual;

    private final class Pipeline {
        final SentenceDetectorME sentences = new SentenceDetectorME(sentenceModel);
        final POSTaggerME tagger = new POSTaggerME(posModel);
        final LemmatizerME lemmatizer = new LemmatizerME(lemmatizerModel);
        final SnowballStemmer stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);

        Pipeline() {
            built.incrementAndGet();
        }
    }

    LinguisticAnalyser(Lexicon lexicon, boolean contextual) {
        this.lexicon = lexicon;
        this.contextual = contextual;
        this.normaliser = new Normaliser(lexicon);
        this.sentenceModel = load("opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", SentenceModel::new);
        this.posModel = load("opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);
        this.lemmatizerModel = load("opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin", LemmatizerModel::new);
    }

    /**
     * Runs {@code work} on an idle pipeline, this caller's alone meanwhile (built when none is idle), then gives it
     * back to the pool (dropped when the pool is full).
     */
    private <T> T withPipeline(Function<Pipeline, T> work) {
        Pipeline p = idle.poll();
        if (p == null) {
            p = new Pipeline();
        }
        try {
            return work.apply(p);
        } finally {
            idle.offer(p);
        }
    }

    /** How many pipelines were built so far (for tests: a pool that works builds about one per concurrent caller). */
    int pipelinesBuilt() {
        return built.get();
    }

    Normaliser normaliser() {
        return normaliser;
    }

    AnalysedText analyse(String text) {
        return withPipeline(p -> analyse(p, text));
    }

    private AnalysedText analyse(Pipeline p, String text) {
        List<Token> out = new ArrayList<>();
        Span[] sentences = p.sentences.sentPosDetect(text);
        for (int s = 0; s < sentences.length; s++) {
            List<int[]> spans = WordTokenizer.tokenize(text, sentences[s].getStart(), sentences[s].getEnd());
            String[] words = new String[spans.size()];
            for (int i = 0; i < words.length; i++) {
                words[i] = Normaliser.fold(text.substring(spans.get(i)[0], spans.get(i)[1]));
            }
            WordInfo[] infos = contextual ? taggedInContext(p, words) : cachedByWord(p, words);
            for (int i = 0; i < words.length; i++) {
                addTokens(out, p, words[i], infos[i].pos(), infos[i].lemma(), spans.get(i)[0], spans.get(i)[1], s);
            }
        }
        return new AnalysedText(text, out, sentences.length);
    }

    /** A word's tag and lemma as the OpenNLP tagger and lemmatizer gave them. */
    private record WordInfo(String pos, String lemma) {
    }

    /**
     * Hot path: tag and lemma per word, cached by the word alone; a sentence is tagged (in context) only when it
     * holds a word not seen before. The first context seen decides a rare ambiguous word's lemma.
     */
    private WordInfo[] cachedByWord(Pipeline p, String[] words) {
        WordInfo[] infos = new WordInfo[words.length];
        boolean miss = false;
        for (int i = 0; i < words.length; i++) {
            infos[i] = wordCache.get(words[i]);
            miss |= infos[i] == null;
        }
        if (miss) {
            WordInfo[] fresh = taggedInContext(p, words);
            if (wordCache.size() > CACHE_LIMIT) {
                wordCache.clear();
            }
            for (int i = 0; i < words.length; i++) {
                if (infos[i] == null) {
                    infos[i] = fresh[i];
                    wordCache.putIfAbsent(words[i], fresh[i]);
                }
            }
        }
        return infos;
    }

    private WordInfo[] taggedInContext(Pipeline p, String[] words) {
        String[] tags = p.tagger.tag(words);
        String[] lemmas = cachedLemmas(p, words, tags);
        WordInfo[] out = new WordInfo[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = new WordInfo(tags[i], lemmas[i]);
        }
        return out;
    }

    private void addTokens(List<Token> out, Pipeline p, String word, String tag, String lemma, int start, int end,
                           int sentence) {
        List<String> parts = normaliser.words(word);
        String[] tagParts = tag.split("\\+");
        String[] lemmaParts = lemma.split("\\+");
        for (int k = 0; k < parts.size(); k++) {
            String norm = parts.get(k);
            String pos = tagParts[Math.min(k, tagParts.length - 1)];
            String lem = parts.size() == lemmaParts.length ? normaliser.spelling(lemmaParts[k]) : norm;
            if (lem.isEmpty() || "O".equals(lem) || !Character.isLetterOrDigit(lem.charAt(0))) {
                lem = norm;
            }
            if (lexicon.negators.contains(norm) || "not".equals(lem)) {
                lem = norm;
            }
            boolean content = isContent(norm, lem);
            out.add(new Token(start, end, norm, lem, stem(p, lem), pos, sentence, content));
        }
    }

    private boolean isContent(String norm, String lemma) {
        if (norm.isEmpty() || !Character.isLetterOrDigit(norm.charAt(0))) {
            return false;
        }
        return !lexicon.stopwords.contains(norm) && !lexicon.stopwords.contains(lemma)
                && !lexicon.negators.contains(norm) && !"not".equals(norm);
    }

    private String[] cachedLemmas(Pipeline p, String[] words, String[] tags) {
        String[] lemmas = new String[words.length];
        boolean miss = false;
        for (int i = 0; i < words.length; i++) {
            lemmas[i] = lemmaCache.get(words[i] + '\u0001' + tags[i]);
            miss |= lemmas[i] == null;
        }
        if (miss) {
            String[] fresh = p.lemmatizer.lemmatize(words, tags);
            if (lemmaCache.size() > CACHE_LIMIT) {
                lemmaCache.clear();
            }
            for (int i = 0; i < words.length; i++) {
                if (lemmas[i] == null) {
                    lemmas[i] = fresh[i];
                    lemmaCache.put(words[i] + '\u0001' + tags[i], fresh[i]);
                }
            }
        }
        return lemmas;
    }

    /** The matching key for a lemma: its Snowball stem, so derived forms (trains/training) meet. */
    String stem(String lemma) {
        String cached = stemCache.get(lemma);
        if (cached != null) {
            return cached;
        }
        return withPipeline(p -> stem(p, lemma));
    }

    private String stem(Pipeline p, String lemma) {
        String cached = stemCache.get(lemma);
        if (cached != null) {
            return cached;
        }
        String s = p.stemmer.stem(lemma).toString();
        if (stemCache.size() > CACHE_LIMIT) {
            stemCache.clear();
        }
        stemCache.put(lemma, s);
        return s;
    }

    private interface ModelReader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T load(String resource, ModelReader<T> reader) {
        try (InputStream in = LinguisticAnalyser.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model not on the classpath: " + resource);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load OpenNLP model " + resource, e);
        }
    }
}
