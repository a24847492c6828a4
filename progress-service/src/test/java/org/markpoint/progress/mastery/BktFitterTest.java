package org.markpoint.progress.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BktFitterTest {

    /** Draws learners from a known BKT(+forgets) process. */
    private static ResponseSequences simulate(BktParameters truth, int learners, int length, long seed) {
        Random random = new Random(seed);
        ResponseSequences.Builder builder = ResponseSequences.builder();
        for (int l = 0; l < learners; l++) {
            boolean known = random.nextDouble() < truth.prior();
            double[] seq = new double[length];
            for (int t = 0; t < length; t++) {
                double pCorrect = known ? 1 - truth.slip() : truth.guess();
                seq[t] = random.nextDouble() < pCorrect ? 1 : 0;
                known = known ? random.nextDouble() >= truth.forget() : random.nextDouble() < truth.learn();
            }
            builder.add(seq);
        }
        return builder.build();
    }

    @Test
    void givenDataFromKnownParameters_whenFittedWithForgetting_thenParametersAreRecovered() {
        BktParameters truth = new BktParameters(0.3, 0.15, 0.2, 0.1, 0.05);
        ResponseSequences data = simulate(truth, 2000, 20, 11);

        BktParameters fitted = new BktFitter().fit(data, BktParameters.defaults()).parameters();

        assertThat(fitted.prior()).isCloseTo(truth.prior(), within(0.05));
        assertThat(fitted.learn()).isCloseTo(truth.learn(), within(0.04));
        assertThat(fitted.guess()).isCloseTo(truth.guess(), within(0.04));
        assertThat(fitted.slip()).isCloseTo(truth.slip(), within(0.04));
        assertThat(fitted.forget()).isCloseTo(truth.forget(), within(0.03));
    }

    @Test
    void givenDataWithoutForgetting_whenFittedAsPlainBkt_thenForgetStaysZeroAndOthersAreRecovered() {
        BktParameters truth = new BktParameters(0.4, 0.2, 0.25, 0.08, 0.0);
        ResponseSequences data = simulate(truth, 1500, 15, 5);

        BktFitter.Fit fit = new BktFitter(BktFitter.Options.defaults().withoutForgetting())
                .fit(data, BktParameters.defaults());

        assertThat(fit.parameters().forget()).isZero();
        assertThat(fit.parameters().learn()).isCloseTo(truth.learn(), within(0.04));
        assertThat(fit.parameters().guess()).isCloseTo(truth.guess(), within(0.04));
        assertThat(fit.parameters().slip()).isCloseTo(truth.slip(), within(0.04));
        assertThat(fit.responses()).isEqualTo(1500 * 15);
    }

    @Test
    void givenNoResponses_whenFitted_thenFallbackDefaultsAreKept() {
        BktFitter.Fit fit = new BktFitter().fit(ResponseSequences.builder().build(), BktParameters.defaults());

        assertThat(fit.parameters()).isEqualTo(BktParameters.defaults());
    }

    @Test
    void givenFittedParameters_whenLikelihoodCompared_thenItBeatsTheStartingDefaults() {
        ResponseSequences data = simulate(new BktParameters(0.5, 0.1, 0.15, 0.12, 0.1), 500, 12, 3);
        BktFitter.Fit fit = new BktFitter().fit(data, BktParameters.defaults());

        double defaultsLl = BktFitter.expectation(data, BktParameters.defaultsWithForgetting(),
                new BktFitter.Workspace(data.longestSequence()), new BktFitter.Counts());

        assertThat(fit.logLikelihood()).isGreaterThan(defaultsLl);
    }
}
