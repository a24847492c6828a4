package org.markpoint.progress.mastery.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void givenFourHandMadePredictions_whenAucComputed_thenThreeOfFourPairsAreOrderedRight() {
        // Pairs (positive, negative): (0.35, 0.1) right, (0.35, 0.4) wrong, (0.8, 0.1) right, (0.8, 0.4) right.
        double auc = Metrics.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new double[] {0, 0, 1, 1});

        assertThat(auc).isEqualTo(0.75);
    }

    @Test
    void givenTiedScores_whenAucComputed_thenTiesCountHalf() {
        assertThat(Metrics.auc(new double[] {0.5, 0.5, 0.5}, new double[] {1, 0, 1})).isEqualTo(0.5);
        assertThat(Metrics.auc(new double[] {0.2, 0.5, 0.5}, new double[] {0, 0, 1})).isEqualTo(0.75);
    }

    @Test
    void givenOneClassOnly_whenAucComputed_thenNaN() {
        assertThat(Metrics.auc(new double[] {0.2, 0.9}, new double[] {1, 1})).isNaN();
    }

    @Test
    void givenPredictions_whenRmseComputed_thenRootMeanSquaredError() {
        assertThat(Metrics.rmse(new double[] {0.5, 1.0}, new double[] {1, 1}))
                .isCloseTo(Math.sqrt(0.125), within(1e-12));
    }

    @Test
    void givenDataFromKnownLogisticModel_whenLayerFitted_thenWeightsAreRecovered() {
        Random random = new Random(1);
        int n = 20000;
        double[][] rows = new double[n][];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            double x = random.nextGaussian();
            rows[i] = new double[] {1, x};
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-(-0.5 + 1.5 * x))) ? 1 : 0;
        }

        LogisticLayer layer = LogisticLayer.fit(List.of("bias", "x"), rows, labels, 1e-3);

        assertThat(layer.weights()[0]).isCloseTo(-0.5, within(0.08));
        assertThat(layer.weights()[1]).isCloseTo(1.5, within(0.1));
    }
}
