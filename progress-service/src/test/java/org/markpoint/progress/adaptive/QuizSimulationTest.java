package org.markpoint.progress.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuizSimulationTest {

    @Test
    void givenSmallSyntheticCohort_whenSimulated_thenAdaptiveUsesFewerItemsAtLeastAsAccurately() {
        QuizSimulation.Settings settings = new QuizSimulation.Settings(120, 4, 10, 0.5, 0.25, 0.15, 1.0, 3,
                new StopRule(0.95, 0.05, 2, 40), 3);

        QuizSimulation.Result r = new QuizSimulation(settings).run();

        assertThat(r.adaptive().meanItems()).isLessThan(0.75 * r.fixedOrderWithStop().meanItems());
        assertThat(r.adaptive().accuracy()).isGreaterThanOrEqualTo(r.fixedOrderWithStop().accuracy() - 0.01);
        assertThat(r.adaptive().accuracy()).isGreaterThan(0.95);
        assertThat(r.fixedFormAccuracy()[40]).isGreaterThan(r.fixedFormAccuracy()[4]);
    }

    @Test
    void givenSameSeed_whenSimulatedTwice_thenSameFigures() {
        QuizSimulation.Settings settings = new QuizSimulation.Settings(30, 3, 6, 0.5, 0.2, 0.1, 1.0, 2,
                new StopRule(0.95, 0.05, 2, 18), 9);

        assertThat(new QuizSimulation(settings).run().adaptive())
                .isEqualTo(new QuizSimulation(settings).run().adaptive());
    }
}
