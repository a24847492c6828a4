package org.markpoint.marking.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadDriverTest {

    @Test
    void givenSortedLatencies_whenPercentilesTaken_thenNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(LoadDriver.percentile(sorted, 50)).isEqualTo(50);
        assertThat(LoadDriver.percentile(sorted, 99)).isEqualTo(99);
        assertThat(LoadDriver.percentile(new long[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void givenAnAnswer_whenTheBodyIsBuilt_thenItCarriesTheAnswerAndTheSixPointScheme() {
        String body = LoadDriver.markBody("Training \"works\".", null);
        assertThat(body).contains("\"answer\":\"Training \\\"works\\\".\"").contains("\"maxMarks\":6")
                .contains("trained staff may leave").doesNotContain("learnerId");
    }

    @Test
    void givenALearner_whenTheBodyIsBuilt_thenItNamesTheLearner() {
        assertThat(LoadDriver.markBody("Training works.", "load-learner-3")).contains("\"learnerId\":\"load-learner-3\"");
    }
}
