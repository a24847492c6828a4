package org.markpoint.progress.adaptive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Spaced review of mastered outcomes: the first review comes after {@code firstInterval}; each successful review
 * multiplies the gap by {@code growth} (capped), a failed one starts the ladder again. With the defaults the gaps
 * run about 1, 2.5, 6, 16, 39 days and so on.
 */
public final class ReviewSchedule {

    public record Settings(Duration firstInterval, double growth, Duration maxInterval, double passCredit) {
        public static Settings defaults() {
            return new Settings(Duration.ofDays(1), 2.5, Duration.ofDays(180), 0.6);
        }
    }

    private final Settings settings;

    public ReviewSchedule(Settings settings) {
        if (settings.growth() <= 1) {
            throw new IllegalArgumentException("growth must be above 1 so intervals grow, was " + settings.growth());
        }
        this.settings = settings;
    }

    public ReviewSchedule() {
        this(Settings.defaults());
    }

    /** Schedules the first review of an outcome just mastered. */
    public ReviewState mastered(Instant at) {
        return new ReviewState(0, settings.firstInterval(), at.plus(settings.firstInterval()));
    }

    /** After a review answer with this credit: a longer gap if it went well, back to the first gap if not. */
    public ReviewState reviewed(ReviewState state, double credit, Instant at) {
        if (credit < settings.passCredit()) {
            return new ReviewState(0, settings.firstInterval(), at.plus(settings.firstInterval()));
        }
        long grownSeconds = Math.round(state.interval().toSeconds() * settings.growth());
        Duration grown = Duration.ofSeconds(Math.min(grownSeconds, settings.maxInterval().toSeconds()));
        // Round to whole hours so due dates read cleanly.
        grown = Duration.ofHours(Math.max(1, Math.round(grown.toMinutes() / 60.0)));
        return new ReviewState(state.successfulReviews() + 1, grown, at.plus(grown));
    }

    /** Outcomes due for review at {@code now}, most overdue first. */
    public List<String> due(Map<String, ReviewState> states, Instant now) {
        return states.entrySet().stream()
                .filter(e -> e.getValue().isDue(now))
                .sorted(Map.Entry.comparingByValue(java.util.Comparator.comparing(ReviewState::dueAt)))
                .map(Map.Entry::getKey)
                .toList();
    }
}
