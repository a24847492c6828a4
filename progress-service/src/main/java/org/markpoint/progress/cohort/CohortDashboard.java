package org.markpoint.progress.cohort;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.markpoint.progress.catalog.PublishedQuestion;
import org.markpoint.progress.catalog.QuestionCatalog;
import org.markpoint.progress.cohort.analysis.AnswerTallies;
import org.markpoint.progress.cohort.analysis.AtRiskRule;
import org.markpoint.progress.cohort.analysis.MasteryTrend;
import org.markpoint.progress.cohort.analysis.OutcomeWeakness;
import org.markpoint.progress.cohort.analysis.QuestionStats;
import org.markpoint.progress.learner.AnswerRecord;
import org.markpoint.progress.learner.LearnerProgress;
import org.markpoint.progress.learner.MasteryCell;
import org.markpoint.progress.support.NotFoundException;
import org.markpoint.progress.support.Page;
import org.markpoint.progress.tracking.ProgressTracker;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Cohorts and the tutor dashboard's read models over them: load the roster's progress (one query), hand it to the
 * pure analyses in {@code cohort.analysis}. Everything is computed on read from the learners' documents, so it is
 * always as current as mastery itself.
 */
@Service
@EnableConfigurationProperties(CohortDashboard.Settings.class)
class CohortDashboard {

    /** {@code inactiveDays}: no answer for this many days makes a learner "inactive" (default 14). */
    @ConfigurationProperties("markpoint.cohorts")
    record Settings(Integer inactiveDays) {
        Settings {
            inactiveDays = inactiveDays == null ? 14 : inactiveDays;
        }
    }

    /** An outcome of the unit a grid or ranking covers. */
    record UnitOutcome(String outcomeId, String unitId) {
    }

    /** One learner's row of the grid, a cell per outcome in the grid's order. */
    record GridRow(String learnerId, List<MasteryCell> cells) {
    }

    record Grid(List<UnitOutcome> outcomes, List<GridRow> items, String next) {
    }

    record AtRiskLearner(String learnerId, List<AtRiskRule.Reason> reasons) {
    }

    private final CohortStore cohorts;
    private final ProgressTracker tracker;
    private final QuestionCatalog catalog;
    private final AtRiskRule atRisk;
    private final Clock clock;

    CohortDashboard(CohortStore cohorts, ProgressTracker tracker, QuestionCatalog catalog, Settings settings,
                    Clock clock) {
        this.cohorts = cohorts;
        this.tracker = tracker;
        this.catalog = catalog;
        this.atRisk = AtRiskRule.defaults().withInactiveDays(settings.inactiveDays());
        this.clock = clock;
    }

    CohortDocument create(String tenantId, String name, List<String> learnerIds) {
        return cohorts.insert(new CohortDocument(UUID.randomUUID().toString(), tenantId, name.trim(),
                CohortRequests.roster(learnerIds), clock.instant(), null));
    }

    CohortDocument get(String tenantId, String cohortId) {
        return cohorts.load(tenantId, cohortId);
    }

    Page<CohortDocument> page(String tenantId, String cursor, int limit) {
        return cohorts.page(tenantId, cursor, limit);
    }

    CohortDocument replaceRoster(String tenantId, String cohortId, List<String> learnerIds) {
        List<String> roster = CohortRequests.roster(learnerIds);
        return cohorts.save(cohorts.load(tenantId, cohortId).withLearners(roster));
    }

    /** Learners x the unit's outcomes, a page of learners (roster order) at a time. */
    Grid grid(String tenantId, String cohortId, String unitId, String cursor, int limit) {
        CohortDocument cohort = cohorts.load(tenantId, cohortId);
        List<String> outcomes = outcomesOfUnit(tenantId, unitId);
        Page<String> learners = Page.of(cohort.learnerIds(), id -> id, cursor, limit);
        Map<String, LearnerProgress> progress = tracker.findAll(tenantId, learners.items());
        List<GridRow> rows = learners.items().stream().map(l -> new GridRow(l, outcomes.stream()
                .map(o -> MasteryCell.of(o, Optional.ofNullable(progress.get(l)).flatMap(p -> p.outcome(o))))
                .toList())).toList();
        return new Grid(outcomes.stream().map(o -> new UnitOutcome(o, unitId)).toList(), rows, learners.next());
    }

    List<OutcomeWeakness> outcomes(String tenantId, String cohortId, String unitId) {
        CohortDocument cohort = cohorts.load(tenantId, cohortId);
        List<String> outcomes = outcomesOfUnit(tenantId, unitId);
        return OutcomeWeakness.rank(outcomes, tracker.findAll(tenantId, cohort.learnerIds()).values());
    }

    /** Learners with at least one reason for concern, most reasons first, then in roster order. */
    List<AtRiskLearner> atRisk(String tenantId, String cohortId) {
        CohortDocument cohort = cohorts.load(tenantId, cohortId);
        Map<String, LearnerProgress> progress = tracker.findAll(tenantId, cohort.learnerIds());
        Instant now = clock.instant();
        return cohort.learnerIds().stream()
                .map(l -> new AtRiskLearner(l, atRisk.reasons(Optional.ofNullable(progress.get(l)), now)))
                .filter(a -> !a.reasons().isEmpty())
                .sorted(java.util.Comparator.comparingInt((AtRiskLearner a) -> a.reasons().size()).reversed())
                .toList();
    }

    List<QuestionStats> questions(String tenantId, String cohortId, String unitId) {
        return QuestionStats.of(answers(tenantId, cohortId, unitId));
    }

    List<AnswerTallies.MissedPoint> missedPoints(String tenantId, String cohortId, String unitId) {
        return AnswerTallies.missedPoints(answers(tenantId, cohortId, unitId));
    }

    List<AnswerTallies.MisconceptionCount> misconceptions(String tenantId, String cohortId, String unitId) {
        return AnswerTallies.misconceptions(answers(tenantId, cohortId, unitId));
    }

    List<MasteryTrend.Point> trend(String tenantId, String cohortId, String outcomeId, int days) {
        CohortDocument cohort = cohorts.load(tenantId, cohortId);
        return MasteryTrend.of(tracker.findAll(tenantId, cohort.learnerIds()).values(), outcomeId,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), days);
    }

    /**
     * Each roster learner's answers to bank questions (not inline-scheme marks, which have no question id), only to
     * the unit's questions when a unit is given.
     */
    private Collection<List<AnswerRecord>> answers(String tenantId, String cohortId, String unitId) {
        CohortDocument cohort = cohorts.load(tenantId, cohortId);
        Predicate<AnswerRecord> inScope = unitId.isEmpty() ? a -> !a.questionId().isBlank()
                : questionsOfUnit(tenantId, unitId);
        return tracker.findAll(tenantId, cohort.learnerIds()).values().stream()
                .map(p -> p.answers().stream().filter(inScope).toList()).toList();
    }

    private List<String> outcomesOfUnit(String tenantId, String unitId) {
        Set<String> outcomes = catalog.inUnit(tenantId, unitId).stream()
                .flatMap(q -> q.learningOutcomes().stream()).collect(Collectors.toCollection(TreeSet::new));
        if (outcomes.isEmpty()) {
            throw new NotFoundException("unit with published questions", unitId);
        }
        return List.copyOf(outcomes);
    }

    private Predicate<AnswerRecord> questionsOfUnit(String tenantId, String unitId) {
        Set<String> questions = catalog.inUnit(tenantId, unitId).stream().map(PublishedQuestion::questionId)
                .collect(Collectors.toSet());
        if (questions.isEmpty()) {
            throw new NotFoundException("unit with published questions", unitId);
        }
        return a -> questions.contains(a.questionId());
    }
}
