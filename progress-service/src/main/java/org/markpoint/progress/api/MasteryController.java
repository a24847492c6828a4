package org.markpoint.progress.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.markpoint.progress.learner.AnswerRecord;
import org.markpoint.progress.learner.LearnerProgress;
import org.markpoint.progress.learner.MasteryCell;
import org.markpoint.progress.learner.OutcomeMastery;
import org.markpoint.progress.support.NotFoundException;
import org.markpoint.progress.support.Page;
import org.markpoint.progress.support.Pages;
import org.markpoint.progress.tracking.ProgressTracker;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/progress")
class MasteryController {

    /** A learner's mastery of every outcome they have evidence for. */
    record MasteryView(String learnerId, List<OutcomeView> outcomes) {
    }

    /**
     * {@code status}: mastered, looks-mastered-little-evidence, developing, not-yet-secure; {@code low}/{@code high}:
     * ~90% interval; {@code evidence}: answers behind it; {@code reviewDue}: next spaced review of a mastered outcome.
     */
    record OutcomeView(String outcomeId, double mastery, double low, double high, int evidence, String status,
                       Instant updatedAt, Instant reviewDue) {

        static OutcomeView of(OutcomeMastery m) {
            MasteryCell cell = MasteryCell.of(m);
            return new OutcomeView(m.outcomeId(), cell.mastery(), cell.low(), cell.high(), m.evidence(),
                    cell.status(), m.updatedAt(), m.reviewDue().orElse(null));
        }
    }

    /** One marked answer of the learner, with the tutor's mark once overridden. */
    record AnswerView(String markId, String questionId, int mark, int maxMarks, Instant answeredAt,
                      List<String> outcomeIds, boolean overridden) {

        static AnswerView of(AnswerRecord a) {
            return new AnswerView(a.markId(), a.questionId(), a.mark(), a.maxMarks(), a.answeredAt(), a.outcomeIds(),
                    a.overridden());
        }
    }

    private final ProgressTracker tracker;

    MasteryController(ProgressTracker tracker) {
        this.tracker = tracker;
    }

    @GetMapping("/learners/{learnerId}/mastery")
    MasteryView mastery(@PathVariable String learnerId) {
        LearnerProgress progress = learner(learnerId);
        return new MasteryView(learnerId, progress.outcomes().stream().filter(m -> m.evidence() > 0)
                .sorted(Comparator.comparing(OutcomeMastery::outcomeId)).map(OutcomeView::of).toList());
    }

    /** The learner's marked answers, newest first, optionally only those evidencing {@code outcome}. */
    @GetMapping("/learners/{learnerId}/answers")
    ResponseEntity<Page<AnswerView>> answers(@PathVariable String learnerId,
                                             @RequestParam(defaultValue = "") String outcome,
                                             @RequestParam(defaultValue = "") String cursor,
                                             @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        List<AnswerView> answers = learner(learnerId).answers().stream()
                .filter(a -> outcome.isEmpty() || a.outcomeIds().contains(outcome))
                .sorted(Comparator.comparing(AnswerRecord::answeredAt).reversed()
                        .thenComparing(AnswerRecord::markId))
                .map(AnswerView::of).toList();
        return Pages.response(Page.of(answers, AnswerView::markId, cursor, limit));
    }

    private LearnerProgress learner(String learnerId) {
        return tracker.find(TenantContext.current(), learnerId)
                .orElseThrow(() -> new NotFoundException("learner", learnerId));
    }
}
