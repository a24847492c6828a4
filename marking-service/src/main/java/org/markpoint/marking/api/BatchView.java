package org.markpoint.marking.api;

import java.time.Duration;
import java.time.Instant;
import org.markpoint.marking.batch.BatchDocument;

/**
 * A batch's progress: {@code done} of {@code total} items have a result ({@code errors} of them an error);
 * {@code itemsPerSecond} is the rate of the current run and {@code etaSeconds} the time left at that rate (-1 while
 * unknown, 0 when done).
 */
public record BatchView(String batchId, String status, int total, int done, int errors, double progress,
                        double itemsPerSecond, long etaSeconds, Instant createdAt, Instant startedAt,
                        Instant finishedAt, String results) {

    static BatchView of(BatchDocument b, String resultsUrl, Instant now) {
        double rate = 0;
        if (b.runStartedAt() != null) {
            Instant end = b.finishedAt() != null ? b.finishedAt() : now;
            double seconds = Math.max(Duration.between(b.runStartedAt(), end).toMillis(), 1) / 1000.0;
            rate = (b.done() - b.doneAtRunStart()) / seconds;
        }
        long eta = b.finished() ? 0 : rate > 0 ? Math.round((b.total() - b.done()) / rate) : -1;
        return new BatchView(b.id(), b.status(), b.total(), b.done(), b.errors(),
                b.total() == 0 ? 1 : b.done() / (double) b.total(), Math.round(rate * 10) / 10.0, eta, b.createdAt(),
                b.runStartedAt(), b.finishedAt(), resultsUrl);
    }
}
