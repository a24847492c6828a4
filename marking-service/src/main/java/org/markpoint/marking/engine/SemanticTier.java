package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The optional second tier of point judging: only for a point the lexical matcher left uncertain (missed with
 * some of its concepts present, or partial), and never for one that was negated or hit a reject phrase, the
 * MiniLM cosine between the point's phrasing and each sentence of the answer may lift the point one level
 * (missed to partial, partial to hit), with that sentence as evidence. Counts how often it is consulted.
 */
final class SemanticTier {

    /** Cosine a sentence needs with the point's phrasing to lift it one level. */
    static final double LIFT_COSINE = 0.75;

    private final SentenceEmbedder embedder;
    private final AtomicLong judged = new AtomicLong();
    private final AtomicLong consulted = new AtomicLong();
    private final AtomicLong lifted = new AtomicLong();

    SemanticTier(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    PointJudge.Outcome reconsider(PointJudge.Outcome o, AnalysedText answer) {
        judged.incrementAndGet();
        PointStatus status = o.result().status();
        boolean uncertain = status == PointStatus.PARTIAL
                || (status == PointStatus.MISSED && o.best() != null && o.best().matched() > 0);
        if (!uncertain || o.rejected() || o.contradicted() || status == PointStatus.HIT) {
            return o;
        }
        consulted.incrementAndGet();
        float[] point = embedder.embed(o.point().point().text());
        Evidence bestSentence = null;
        double best = -1;
        for (Evidence sentence : sentences(answer)) {
            double c = SentenceEmbedder.cosine(point, embedder.embed(sentence.text()));
            if (c > best) {
                best = c;
                bestSentence = sentence;
            }
        }
        if (bestSentence == null || best < LIFT_COSINE) {
            return o;
        }
        lifted.incrementAndGet();
        var p = o.point().point();
        PointResult r = status == PointStatus.MISSED
                ? new PointResult(p.id(), PointStatus.PARTIAL, p.marks() / 2, List.of(bestSentence),
                        p.text(), p.learningOutcome())
                : new PointResult(p.id(), PointStatus.HIT, p.marks(), o.result().evidence(), o.result().matched(),
                        p.learningOutcome());
        return new PointJudge.Outcome(o.point(), r, o.best(), false, false, 0.6);
    }

    /** Points judged, points sent to the embedding model, points lifted (for the bench report). */
    long[] counts() {
        return new long[] {judged.get(), consulted.get(), lifted.get()};
    }

    static List<Evidence> sentences(AnalysedText answer) {
        List<Evidence> out = new ArrayList<>();
        int sentence = -1;
        int start = -1;
        int end = -1;
        for (Token t : answer.tokens()) {
            if (t.sentence() != sentence) {
                if (start >= 0) {
                    out.add(new Evidence(start, end, answer.original().substring(start, end)));
                }
                sentence = t.sentence();
                start = t.start();
            }
            end = t.end();
        }
        if (start >= 0) {
            out.add(new Evidence(start, end, answer.original().substring(start, end)));
        }
        return out;
    }
}
