package org.markpoint.progress.mastery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MasteryRefitTest {

    private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

    @Test
    void givenLogWithOneBusyAndOneRareOutcome_whenRefitted_thenBusyIsFittedAndRareKeepsDefaults() {
        Random random = new Random(2);
        List<EloDifficultyCalibrator.Response> log = new ArrayList<>();
        for (int learner = 0; learner < 300; learner++) {
            boolean known = random.nextDouble() < 0.6;
            for (int t = 0; t < 8; t++) {
                double credit = random.nextDouble() < (known ? 0.95 : 0.1) ? 1 : 0;
                log.add(new EloDifficultyCalibrator.Response("l" + learner, "busy", "q" + (t % 4), credit,
                        T0.plusSeconds(learner * 1000L + t)));
            }
        }
        log.add(new EloDifficultyCalibrator.Response("l1", "rare", "r1", 1.0, T0));

        MasteryRefit.Result result = new MasteryRefit().refit(log);

        assertThat(result.outcomes().get("busy").prior()).isBetween(0.5, 0.7);
        assertThat(result.outcomes().get("busy").guess()).isLessThan(0.2);
        assertThat(result.outcomes().get("rare")).isEqualTo(BktParameters.defaultsWithForgetting());
        assertThat(result.items()).containsKeys("q0", "q1", "q2", "q3", "r1");
        assertThat(result.responses()).containsEntry("busy", 2400).containsEntry("rare", 1);
    }
}
