package org.markpoint.progress.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.markpoint.progress.learner.LearnerProgress;
import org.markpoint.progress.learner.Response;
import org.markpoint.progress.mastery.BktFitter;
import org.markpoint.progress.mastery.Calibration;
import org.markpoint.progress.mastery.EloDifficultyCalibrator;
import org.markpoint.progress.mastery.MasteryRefit;
import org.markpoint.progress.tracking.ProgressTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled refit (nightly by default, {@code markpoint.refit.cron}; "-" turns it off, as the test build does):
 * per tenant, fits BKT parameters per outcome, item difficulties and the forgetting period from the stored response
 * log and stores them, so the next update uses them. Batch only, never on the request path.
 */
@Component
@EnableConfigurationProperties(CalibrationRefitJob.Settings.class)
public class CalibrationRefitJob {

    private static final Logger log = LoggerFactory.getLogger(CalibrationRefitJob.class);

    /** {@code minResponses}: an outcome needs this many responses before its fitted parameters replace defaults. */
    @ConfigurationProperties("markpoint.refit")
    public record Settings(String cron, Integer minResponses) {
        public Settings {
            minResponses = minResponses == null ? 50 : minResponses;
        }
    }

    private final ProgressTracker tracker;
    private final CalibrationStore store;
    private final Settings settings;

    CalibrationRefitJob(ProgressTracker tracker, CalibrationStore store, Settings settings) {
        this.tracker = tracker;
        this.store = store;
        this.settings = settings;
    }

    @Scheduled(cron = "${markpoint.refit.cron:0 30 2 * * *}", zone = "UTC")
    void scheduled() {
        refitAll();
    }

    /** Refits every tenant that has learners; returns the new calibration per tenant. */
    public Map<String, Calibration> refitAll() {
        Map<String, Calibration> done = new TreeMap<>();
        for (String tenantId : tracker.tenants()) {
            done.put(tenantId, refit(tenantId));
        }
        return done;
    }

    public Calibration refit(String tenantId) {
        List<EloDifficultyCalibrator.Response> responses = new ArrayList<>();
        tracker.forEachLearner(tenantId, (LearnerProgress p) -> {
            for (Response r : p.responses()) {
                responses.add(new EloDifficultyCalibrator.Response(p.learnerId(), r.outcomeId(), r.questionId(),
                        r.credit(), r.at()));
            }
        });
        long start = System.nanoTime();
        MasteryRefit.Result result = new MasteryRefit(BktFitter.Options.defaults(), settings.minResponses(),
                new EloDifficultyCalibrator()).refit(responses);
        Calibration stored = store.save(tenantId, result, settings.minResponses(), responses.size());
        log.info("refit {}: {} responses, {} outcomes fitted, {} questions calibrated in {} ms", tenantId,
                responses.size(), stored.outcomes().size(), stored.difficulties().size(),
                (System.nanoTime() - start) / 1_000_000);
        return stored;
    }
}
