package org.markpoint.progress.cohort;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.markpoint.progress.api.TenantContext;
import org.markpoint.progress.cohort.analysis.AnswerTallies;
import org.markpoint.progress.cohort.analysis.MasteryTrend;
import org.markpoint.progress.cohort.analysis.OutcomeWeakness;
import org.markpoint.progress.cohort.analysis.QuestionStats;
import org.markpoint.progress.support.Page;
import org.markpoint.progress.support.Pages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Cohorts and the tutor dashboard over them; every list is paged ({@code items}, {@code next}, a Link header). */
@RestController
@RequestMapping("/api/v1/progress/cohorts")
class CohortController {

    record CohortView(String id, String name, List<String> learnerIds, Instant createdAt) {
        static CohortView of(CohortDocument c) {
            return new CohortView(c.id(), c.name(), c.learnerIds(), c.createdAt());
        }
    }

    record TrendView(String outcomeId, List<MasteryTrend.Point> points) {
    }

    private final CohortDashboard dashboard;

    CohortController(CohortDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CohortView> create(@Valid @RequestBody CohortRequests.CreateCohort request) {
        CohortDocument cohort = dashboard.create(TenantContext.current(), request.name(), request.learnerIds());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(cohort.id())
                .toUri();
        return ResponseEntity.created(location).body(CohortView.of(cohort));
    }

    @GetMapping
    ResponseEntity<Page<CohortView>> list(@RequestParam(defaultValue = "") String cursor,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Page<CohortDocument> page = dashboard.page(TenantContext.current(), cursor, limit);
        return Pages.response(new Page<>(page.items().stream().map(CohortView::of).toList(), page.next()));
    }

    @GetMapping("/{cohortId}")
    CohortView get(@PathVariable String cohortId) {
        return CohortView.of(dashboard.get(TenantContext.current(), cohortId));
    }

    @PutMapping(path = "/{cohortId}/learners", consumes = MediaType.APPLICATION_JSON_VALUE)
    CohortView roster(@PathVariable String cohortId, @Valid @RequestBody CohortRequests.Roster request) {
        return CohortView.of(dashboard.replaceRoster(TenantContext.current(), cohortId, request.learnerIds()));
    }

    @GetMapping("/{cohortId}/grid")
    ResponseEntity<CohortDashboard.Grid> grid(@PathVariable String cohortId,
                                              @RequestParam(defaultValue = "") @NotBlank @Size(max = 200) String unit,
                                              @RequestParam(defaultValue = "") String cursor,
                                              @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        CohortDashboard.Grid grid = dashboard.grid(TenantContext.current(), cohortId, unit, cursor, limit);
        return Pages.withNext(grid, grid.next());
    }

    @GetMapping("/{cohortId}/outcomes")
    ResponseEntity<Page<OutcomeWeakness>> outcomes(@PathVariable String cohortId,
                                                   @RequestParam(defaultValue = "") @NotBlank @Size(max = 200)
                                                   String unit,
                                                   @RequestParam(defaultValue = "") String cursor,
                                                   @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return Pages.response(Page.of(dashboard.outcomes(TenantContext.current(), cohortId, unit),
                OutcomeWeakness::outcomeId, cursor, limit));
    }

    @GetMapping("/{cohortId}/at-risk")
    ResponseEntity<Page<CohortDashboard.AtRiskLearner>> atRisk(@PathVariable String cohortId,
            @RequestParam(defaultValue = "") String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return Pages.response(Page.of(dashboard.atRisk(TenantContext.current(), cohortId),
                CohortDashboard.AtRiskLearner::learnerId, cursor, limit));
    }

    @GetMapping("/{cohortId}/questions")
    ResponseEntity<Page<QuestionStats>> questions(@PathVariable String cohortId,
            @RequestParam(defaultValue = "") @Size(max = 200) String unit,
            @RequestParam(defaultValue = "") String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return Pages.response(Page.of(dashboard.questions(TenantContext.current(), cohortId, unit),
                QuestionStats::questionId, cursor, limit));
    }

    @GetMapping("/{cohortId}/missed-points")
    ResponseEntity<Page<AnswerTallies.MissedPoint>> missedPoints(@PathVariable String cohortId,
            @RequestParam(defaultValue = "") @Size(max = 200) String unit,
            @RequestParam(defaultValue = "") String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return Pages.response(Page.of(dashboard.missedPoints(TenantContext.current(), cohortId, unit),
                m -> m.questionId() + ":" + m.pointId(), cursor, limit));
    }

    @GetMapping("/{cohortId}/misconceptions")
    ResponseEntity<Page<AnswerTallies.MisconceptionCount>> misconceptions(@PathVariable String cohortId,
            @RequestParam(defaultValue = "") @Size(max = 200) String unit,
            @RequestParam(defaultValue = "") String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return Pages.response(Page.of(dashboard.misconceptions(TenantContext.current(), cohortId, unit),
                m -> m.questionId() + ":" + m.misconceptionId(), cursor, limit));
    }

    @GetMapping("/{cohortId}/trend")
    TrendView trend(@PathVariable String cohortId,
                    @RequestParam(defaultValue = "") @NotBlank @Size(max = 200) String outcome,
                    @RequestParam(defaultValue = "30") @Min(1) @Max(365) int days) {
        return new TrendView(outcome, dashboard.trend(TenantContext.current(), cohortId, outcome, days));
    }
}
