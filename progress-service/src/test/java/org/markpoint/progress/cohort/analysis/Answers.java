package org.markpoint.progress.cohort.analysis;

import java.time.Instant;
import java.util.List;
import org.markpoint.model.event.SpottedMisconception;
import org.markpoint.progress.learner.AnswerRecord;

/** Test answers: a mark out of 2 on a question, with the points missed and misconceptions given. */
final class Answers {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private Answers() {
    }

    static AnswerRecord answer(String questionId, double fraction) {
        return answer(questionId, fraction, List.of(), List.of());
    }

    static AnswerRecord answer(String questionId, double fraction, List<String> missed,
                               List<SpottedMisconception> misconceptions) {
        return new AnswerRecord("m-" + questionId + "-" + System.nanoTime(), questionId, (int) Math.round(fraction * 2),
                2, T0, List.of("lo-1"), List.of(), missed, misconceptions, false);
    }
}
