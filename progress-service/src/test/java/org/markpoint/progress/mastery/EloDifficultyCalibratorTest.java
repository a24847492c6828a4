package org.markpoint.progress.mastery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EloDifficultyCalibratorTest {

    private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");
    private final EloDifficultyCalibrator calibrator = new EloDifficultyCalibrator();

    @Test
    void givenSurprisinglyWrongAnswer_whenUpdated_thenItemGetsHarderAndLessVolatile() {
        ItemDifficulty item = ItemDifficulty.uncalibrated("q1");

        ItemDifficulty afterWrong = calibrator.update(item, 0.8, 0.0);
        ItemDifficulty afterRight = calibrator.update(item, 0.8, 1.0);
        ItemDifficulty settled = calibrator.update(new ItemDifficulty("q1", 0, 200), 0.8, 0.0);

        assertThat(afterWrong.difficulty()).isGreaterThan(0);
        assertThat(afterRight.difficulty()).isLessThan(0);
        assertThat(settled.difficulty()).isLessThan(afterWrong.difficulty());
        assertThat(afterWrong.responses()).isEqualTo(1);
    }

    @Test
    void givenLogFromItemsOfKnownDifficulty_whenCalibrated_thenOrderIsRecoveredAndCentred() {
        BktParameters p = new BktParameters(0.5, 0.05, 0.2, 0.1, 0.0);
        double[] truth = {-1.5, -0.5, 0.0, 0.7, 1.6};
        Random random = new Random(4);
        List<EloDifficultyCalibrator.Response> log = new ArrayList<>();
        for (int learner = 0; learner < 600; learner++) {
            boolean known = random.nextDouble() < p.prior();
            for (int t = 0; t < 10; t++) {
                int item = random.nextInt(truth.length);
                double base = known ? 1 - p.slip() : p.guess();
                double pCorrect = Logit.sigmoid(Logit.of(base) - truth[item]);
                double credit = random.nextDouble() < pCorrect ? 1 : 0;
                log.add(new EloDifficultyCalibrator.Response("l" + learner, "LO1", "q" + item, credit,
                        T0.plusSeconds(60L * t)));
                known = known || random.nextDouble() < p.learn();
            }
        }

        Map<String, ItemDifficulty> items = calibrator.calibrate(log, Map.of("LO1", p));

        double[] fitted = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            fitted[i] = items.get("q" + i).difficulty();
        }
        for (int i = 1; i < truth.length; i++) {
            assertThat(fitted[i]).isGreaterThan(fitted[i - 1]);
        }
        assertThat(java.util.Arrays.stream(fitted).sum()).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-9));
    }
}
