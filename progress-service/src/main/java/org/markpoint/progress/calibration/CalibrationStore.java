package org.markpoint.progress.calibration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.markpoint.progress.mastery.Calibration;
import org.markpoint.progress.mastery.MasteryRefit;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The calibration each tenant's tracing and quizzes use: the last stored refit, or the defaults before there is one.
 * Cached per tenant for {@link #TTL}, so every instance picks up a refit made by another within minutes, and the
 * instance that refitted at once.
 */
@Repository
public class CalibrationStore {

    static final Duration TTL = Duration.ofMinutes(5);

    private record Cached(Calibration calibration, Instant loadedAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public CalibrationStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Calibration current(String tenantId) {
        Instant now = clock.instant();
        Cached cached = cache.get(tenantId);
        if (cached != null && cached.loadedAt().plus(TTL).isAfter(now)) {
            return cached.calibration();
        }
        CalibrationDocument doc = mongo.findById(tenantId, CalibrationDocument.class);
        Calibration calibration = doc == null ? Calibration.defaults() : toCalibration(doc);
        cache.put(tenantId, new Cached(calibration, now));
        return calibration;
    }

    /** Stores a refit; outcomes fitted on fewer than {@code minResponses} responses keep the defaults. */
    public Calibration save(String tenantId, MasteryRefit.Result result, int minResponses, int responses) {
        Calibration calibration = Calibration.of(result, minResponses);
        List<CalibrationDocument.OutcomeFit> outcomes = calibration.outcomes().entrySet().stream().sorted(
                Map.Entry.comparingByKey()).map(e -> new CalibrationDocument.OutcomeFit(e.getKey(), e.getValue(),
                result.responses().getOrDefault(e.getKey(), 0))).toList();
        List<CalibrationDocument.ItemFit> items = result.items().values().stream()
                .filter(d -> calibration.difficulties().containsKey(d.itemId()))
                .map(d -> new CalibrationDocument.ItemFit(d.itemId(), d.difficulty(), d.responses()))
                .sorted(java.util.Comparator.comparing(CalibrationDocument.ItemFit::questionId)).toList();
        Instant now = clock.instant();
        mongo.save(new CalibrationDocument(tenantId, outcomes, items, calibration.forgettingPeriod().toSeconds(),
                responses, now));
        cache.put(tenantId, new Cached(calibration, now));
        return calibration;
    }

    private static Calibration toCalibration(CalibrationDocument doc) {
        return new Calibration(
                doc.outcomes().stream().collect(Collectors.toMap(CalibrationDocument.OutcomeFit::outcomeId,
                        CalibrationDocument.OutcomeFit::parameters, (a, b) -> b)),
                doc.items().stream().collect(Collectors.toMap(CalibrationDocument.ItemFit::questionId,
                        CalibrationDocument.ItemFit::difficulty, (a, b) -> b)),
                Duration.ofSeconds(Math.max(1, doc.forgettingPeriodSeconds())));
    }
}
