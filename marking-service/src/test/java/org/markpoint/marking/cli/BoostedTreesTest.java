package org.markpoint.marking.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BoostedTreesTest {

    @Test
    void givenInteractionALinearModelCannotFit_whenBoosted_thenEachQuadrantPredicted() {
        Random random = new Random(11);
        int n = 800;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1, random.nextDouble()};
            y[i] = x[i][0] * x[i][1] > 0 ? 1 : 0;
        }
        BoostedTrees trees = BoostedTrees.fit(x, y, 150, 2, 0.1, 20);
        assertThat(trees.predict(new double[] {0.6, 0.6, 0.5})).isGreaterThan(0.8);
        assertThat(trees.predict(new double[] {-0.6, -0.6, 0.5})).isGreaterThan(0.8);
        assertThat(trees.predict(new double[] {0.6, -0.6, 0.5})).isLessThan(0.2);
        assertThat(trees.predict(new double[] {-0.6, 0.6, 0.5})).isLessThan(0.2);
        LinearModels.Model linear = LinearModels.logistic(x, y, 1);
        assertThat(linear.predict(new double[] {0.6, 0.6, 0.5})).isBetween(0.3, 0.7);
    }

    @Test
    void givenSameData_whenFittedTwice_thenSamePredictions() {
        double[][] x = {{0, 1}, {1, 0}, {2, 2}, {3, 1}, {4, 5}, {5, 3}};
        double[] y = {0, 0, 0, 1, 1, 1};
        BoostedTrees a = BoostedTrees.fit(x, y, 20, 2, 0.3, 1);
        BoostedTrees b = BoostedTrees.fit(x, y, 20, 2, 0.3, 1);
        for (double[] row : x) {
            assertThat(a.predict(row)).isEqualTo(b.predict(row));
        }
        assertThat(a.predict(new double[] {5, 3})).isGreaterThan(a.predict(new double[] {0, 1}));
    }
}
