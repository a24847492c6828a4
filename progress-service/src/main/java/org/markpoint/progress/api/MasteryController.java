package org.markpoint.progress.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.markpoint.progress.learner.LearnerProgress;
import org.markpoint.progress.learner.OutcomeMastery;
import org.markpoint.progress.support.NotFoundException;
import org.markpoint.progress.tracking.ProgressTracker;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/progress")
class MasteryController {

    static final double MASTERED = 0.95;

    /** A learner's mastery of every outcome they have evidence for. */
    record MasteryView(String learnerId, List<OutcomeView> outcomes) {
    }

    /** {@code status}: mastered, secure-ish, developing, by threshold; {@code evidence}: answers behind it. */
    record OutcomeView(String outcomeId, double mastery, int evidence, String status, Instant updatedAt) {

        static OutcomeView of(OutcomeMastery m) {
            String status = m.pKnown() >= MASTERED ? (m.evidence() >= 3 ? "mastered" : "looks-mastered-little-evidence")
                    : m.pKnown() >= 0.6 ? "developing" : "not-yet-secure";
            return new OutcomeView(m.outcomeId(), Math.round(m.pKnown() * 1000) / 1000.0, m.evidence(), status,
                    m.updatedAt());
        }
    }

    private final ProgressTracker tracker;

    MasteryController(ProgressTracker tracker) {
        this.tracker = tracker;
    }

    @GetMapping("/learners/{learnerId}/mastery")
    MasteryView mastery(@PathVariable String learnerId) {
        LearnerProgress progress = tracker.find(TenantContext.current(), learnerId)
                .orElseThrow(() -> new NotFoundException("learner", learnerId));
        return new MasteryView(learnerId, progress.outcomes().stream()
                .sorted(Comparator.comparing(OutcomeMastery::outcomeId)).map(OutcomeView::of).toList());
    }
}
