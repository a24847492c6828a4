package org.markpoint.marking.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LinguisticAnalyserTest {

    private static final String ANSWER = "Training closes the skills gaps, so staff serve customers consistently. "
            + "However, trained staff may leave.";

    // contextual: every sentence goes through the tagger and lemmatizer, so every analysis needs a pipeline
    private final LinguisticAnalyser analyser = new LinguisticAnalyser(Lexicon.load(), true);

    @Test
    void givenOneAnswerAtATimeEachOnANewVirtualThread_whenAnalysed_thenOnePipelineIsBuiltAndReused() throws Exception {
        for (int i = 0; i < 50; i++) {
            Thread t = Thread.ofVirtual().start(() -> analyser.analyse(ANSWER));
            t.join();
        }

        assertThat(analyser.pipelinesBuilt()).isEqualTo(1);
    }

    @Test
    void givenConcurrentCallers_whenAnalysed_thenEachGetsTheSameTokensAsAnAnalysisAlone() throws Exception {
        List<Token> alone = analyser.analyse(ANSWER).tokens();
        List<Future<List<Token>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() -> analyser.analyse(ANSWER).tokens()));
            }
            for (Future<List<Token>> r : results) {
                assertThat(r.get()).isEqualTo(alone);
            }
        }

        assertThat(analyser.pipelinesBuilt()).isBetween(1, 9);
    }
}
