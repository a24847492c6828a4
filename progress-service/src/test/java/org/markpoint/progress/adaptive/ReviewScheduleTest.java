package org.markpoint.progress.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {

    private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
    private final ReviewSchedule schedule = new ReviewSchedule();

    @Test
    void givenSuccessfulReviews_whenScheduled_thenEachIntervalIsLongerThanTheLast() {
        ReviewState state = schedule.mastered(T0);
        Duration previous = state.interval();
        for (int i = 0; i < 4; i++) {
            state = schedule.reviewed(state, 1.0, state.dueAt());
            assertThat(state.interval()).isGreaterThan(previous);
            previous = state.interval();
        }
        assertThat(state.successfulReviews()).isEqualTo(4);
        assertThat(schedule.mastered(T0).dueAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void givenFailedReview_whenScheduled_thenBackToTheFirstInterval() {
        ReviewState grown = schedule.reviewed(schedule.reviewed(schedule.mastered(T0), 1.0, T0), 1.0, T0);

        ReviewState failed = schedule.reviewed(grown, 0.3, T0.plus(Duration.ofDays(10)));

        assertThat(failed.successfulReviews()).isZero();
        assertThat(failed.interval()).isEqualTo(Duration.ofDays(1));
        assertThat(failed.dueAt()).isEqualTo(T0.plus(Duration.ofDays(11)));
    }

    @Test
    void givenLongIntervals_whenGrowing_thenCappedAtMaximum() {
        ReviewState state = schedule.mastered(T0);
        for (int i = 0; i < 20; i++) {
            state = schedule.reviewed(state, 1.0, T0);
        }
        assertThat(state.interval()).isEqualTo(Duration.ofDays(180));
    }

    @Test
    void givenSeveralOutcomes_whenAskedWhatIsDue_thenOnlyDueOnesMostOverdueFirst() {
        Map<String, ReviewState> states = Map.of(
                "LO1", new ReviewState(1, Duration.ofDays(2), T0.minus(Duration.ofDays(1))),
                "LO2", new ReviewState(0, Duration.ofDays(1), T0.plus(Duration.ofDays(1))),
                "LO3", new ReviewState(2, Duration.ofDays(6), T0.minus(Duration.ofDays(3))));

        assertThat(schedule.due(states, T0)).containsExactly("LO3", "LO1");
    }
}
