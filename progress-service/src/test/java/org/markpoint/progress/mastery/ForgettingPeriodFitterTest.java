package org.markpoint.progress.mastery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForgettingPeriodFitterTest {

    private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

    /** Learners practise at random gaps; idle time erodes knowledge at one forget step per {@code period}. */
    private static List<EloDifficultyCalibrator.Response> log(BktParameters p, Duration period, long seed) {
        Random random = new Random(seed);
        List<EloDifficultyCalibrator.Response> log = new ArrayList<>();
        for (int learner = 0; learner < 800; learner++) {
            boolean known = random.nextDouble() < p.prior();
            Instant at = T0;
            for (int t = 0; t < 10; t++) {
                Duration gap = Duration.ofHours(1 + random.nextInt(24 * 40));
                at = at.plus(gap);
                double idleSteps = (double) gap.toSeconds() / period.toSeconds();
                if (known && random.nextDouble() > Math.pow(1 - p.forget(), idleSteps)) {
                    known = false;
                }
                double credit = random.nextDouble() < (known ? 1 - p.slip() : p.guess()) ? 1 : 0;
                log.add(new EloDifficultyCalibrator.Response("l" + learner, "LO1", "q", credit, at));
                known = known ? random.nextDouble() >= p.forget() : random.nextDouble() < p.learn();
            }
        }
        return log;
    }

    @Test
    void givenLogWithWeeklyForgetting_whenFitted_thenAWeekIsChosenOverADayOrAYear() {
        BktParameters p = new BktParameters(0.5, 0.3, 0.15, 0.1, 0.1);

        ForgettingPeriodFitter.Fit fit = new ForgettingPeriodFitter().fit(log(p, Duration.ofDays(7), 5),
                Map.of("LO1", p), List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(365)));

        assertThat(fit.period()).isEqualTo(Duration.ofDays(7));
        assertThat(fit.logLikelihoods()).hasSize(3);
    }
}
