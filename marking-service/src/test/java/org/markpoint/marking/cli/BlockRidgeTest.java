package org.markpoint.marking.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockRidgeTest {

    @Test
    void givenExactLinearTarget_whenFitted_thenRecoveredAndSmallestPenaltiesChosen() {
        Random random = new Random(7);
        int n = 120;
        double[][] x = new double[n][2];
        double[][] block = new double[n][3];
        double[] y = new double[n];
        List<String> group = new ArrayList<>();
        List<Integer> train = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextGaussian(), random.nextGaussian()};
            block[i] = new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            y[i] = 1 + 2 * x[i][0] - x[i][1] + 3 * block[i][0] + 0.5 * block[i][2];
            group.add("g" + i % 4);
            train.add(i);
        }
        BlockRidge.Fit fit = BlockRidge.fit(train, x, block, y, group, new double[] {1e-6, 10},
                new double[] {1e-6, 10}, -100, 100);
        assertThat(fit.lambda()).isEqualTo(1e-6);
        assertThat(fit.blockLambda()).isEqualTo(1e-6);
        double[] probeX = {0.5, -1};
        double[] probeBlock = {1, 2, -2};
        assertThat(fit.predict(probeX, probeBlock)).isCloseTo(1 + 1 + 1 + 3 - 1, within(1e-3));
    }

    @Test
    void givenSymmetricSystem_whenCholesky_thenSolves() {
        double[][] a = {{4, 2, 0}, {2, 5, 1}, {0, 1, 3}};
        double[] w = BlockRidge.cholesky(a, new double[] {6, 8, 4});
        assertThat(w).containsExactly(new double[] {1, 1, 1}, within(1e-9));
    }
}
